export function wranglerDevArgs(options: {
  host: string
  port: string
  persistTo?: string
  env?: Record<string, string | undefined>
  fileVars?: Record<string, string>
}): string[]
