/**
 * User agents of crawlers, link unfurlers, monitors and HTTP libraries: their
 * requests are not reader views. Matched case-insensitively anywhere in the UA.
 * Generic words (bot, crawl, spider) catch most of the long tail; "Cubot" is a phone.
 */
const BOT_UA = new RegExp(
  [
    '(?<!cu)bot\\b', 'bot/', 'crawl', 'spider', 'slurp', 'googlebot', 'bingbot', 'yandex', 'baiduspider', 'duckduckbot',
    'sogou', 'exabot', 'facebookexternalhit', 'facebookcatalog', 'meta-externalagent', 'ahrefs', 'semrush', 'mj12bot',
    'dotbot', 'petalbot', 'bytespider', 'gptbot', 'chatgpt-user', 'oai-searchbot', 'claudebot', 'claude-web',
    'perplexity', 'ccbot', 'applebot', 'amazonbot', 'twitterbot', 'linkedinbot', 'slackbot', 'discordbot',
    'telegrambot', 'whatsapp', 'skypeuripreview', 'pinterest', 'embedly', 'quora link preview', 'vkshare',
    'coccocbot', 'headlesschrome', 'phantomjs', 'lighthouse', 'pagespeed', 'pingdom', 'uptimerobot',
    'statuscake', 'site24x7', 'datadog', 'newrelic', 'curl/', 'wget/', 'python-requests', 'python-urllib',
    'aiohttp', 'go-http-client', 'java/', 'libwww-perl', 'httpclient', 'axios/', 'node-fetch', 'undici', 'postman',
    'insomnia', 'feedfetcher', 'feedburner', 'preview',
  ].join('|'),
  'i',
)

/**
 * True when a request should not count as a reader's view: a crawler or tool user
 * agent, no user agent at all, or a browser prefetch (the page may never be seen).
 */
export function isNonHumanView(headers: Headers): boolean {
  const ua = headers.get('user-agent')?.trim() ?? ''
  if (ua === '' || BOT_UA.test(ua)) return true
  const purpose = headers.get('sec-purpose') ?? headers.get('purpose') ?? headers.get('x-moz') ?? ''
  return /prefetch|prerender/i.test(purpose)
}
