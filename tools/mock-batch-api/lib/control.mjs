// @ts-check
// The HTTP control surface under /_mock (no auth), for a mock running as its own process.
import { listBatches, seedBatches } from './batches.mjs'
import { addFaults, listFaults } from './faults.mjs'
import { fileInfos } from './files.mjs'
import { discardBody, readJson, sendJson } from './http-io.mjs'
import { patchConfig } from './options.mjs'
import { ApiError } from './util.mjs'

/** @import { Ctx, SeedOptions, ServerState } from './types.mjs' */

/** Option errors are the caller's: answered 400. @template T @param {() => T} fn */
function guard(fn) {
  try {
    return fn()
  } catch (e) {
    throw e instanceof TypeError || e instanceof SyntaxError ? new ApiError(400, e.message) : e
  }
}

/** @param {ServerState} st @param {Ctx} ctx @param {string} sub */
export async function handleControl(st, ctx, sub) {
  const method = ctx.req.method
  const key = `${method} ${sub}`
  switch (key) {
    case 'POST /faults': {
      const body = await readJson(ctx)
      guard(() => addFaults(st, Array.isArray(body) ? body : [body]))
      return sendJson(ctx, 200, { faults: listFaults(st) })
    }
    case 'DELETE /faults':
      await discardBody(ctx)
      st.faults = []
      return sendJson(ctx, 200, { faults: [] })
    case 'GET /faults':
      await discardBody(ctx)
      return sendJson(ctx, 200, { faults: listFaults(st) })
    case 'POST /config': {
      const body = await readJson(ctx)
      st.config = guard(() => patchConfig(st.config, body))
      return sendJson(ctx, 200, st.config)
    }
    case 'GET /config':
      await discardBody(ctx)
      return sendJson(ctx, 200, st.config)
    case 'POST /seed': {
      const body = /** @type {SeedOptions} */ (await readJson(ctx))
      const ids = guard(() => seedBatches(st, body ?? { count: 0 }))
      return sendJson(ctx, 200, { ids })
    }
    case 'GET /state':
      await discardBody(ctx)
      return sendJson(ctx, 200, { batches: listBatches(st), files: fileInfos(st), log: st.log })
    default:
      await discardBody(ctx)
      throw new ApiError(404, `Invalid URL (${method} /_mock${sub})`)
  }
}
