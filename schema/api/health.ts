import * as v from 'valibot'
import { dataOf } from './common'

/** `GET /api/v1/health`: the worker is up (it touches no binding). */
export const HealthResponse = dataOf(v.object({ status: v.literal('ok') }))
