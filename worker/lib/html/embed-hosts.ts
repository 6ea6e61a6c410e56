/**
 * Hosts whose players may be embedded in an article with an `<iframe>`. Only https
 * URLs on exactly these hostnames survive sanitizing; any other iframe is removed.
 * Add a host here (not in the sanitizer) when the newsroom needs a new player.
 */
export const EMBED_HOSTS = [
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'www.facebook.com',
  'web.facebook.com',
  'www.tiktok.com',
  'player.vimeo.com',
  'open.spotify.com',
  'platform.twitter.com',
  'www.instagram.com',
] as const
