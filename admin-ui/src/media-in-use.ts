import type { ApiFailure } from './api-error'
import type { UsedBy } from './media-types'

/** The articles a 409 media_in_use names: details `{path: 'articles', message: '<id>: <title> (<role>)'}`. */
export function usedByOf(error: ApiFailure): UsedBy[] {
  return error.details.flatMap((d) => {
    const m = /^(\d+): (.*) \(([^()]*)\)$/s.exec(d.message)
    return d.path === 'articles' && m ? [{ id: Number(m[1]), title: m[2]!, status: '', role: m[3]! }] : []
  })
}
