// The transfer benchmarks over links limited to a rate: the action, curl and the SDK-only peer, one
// after the other through the same throttling proxy, paired run by run.
import { MB, linkName, row, startProxy } from './common.mjs'

/**
 * Runs every contender (`{ key, name, run(url) }`, `key` 'action', 'curl' or 'peer') `runs` times
 * after a warm-up through a proxy at each of `rates`, calling `between()` after every run; returns
 * one table per link. `targets[rate]` is the target of the ratio action / curl on that link.
 */
export async function overLinks({ mock, rates, runs, log, contenders, between, targets, what }) {
  const tables = []
  for (const rate of rates) {
    const proxy = await startProxy(mock, rate)
    const m = Object.fromEntries(contenders.map((c) => [c.key, { wall: [], rss: [] }]))
    const ratio = { curl: [], peer: [] }
    try {
      for (let i = -1; i < runs; i++) {
        const seen = {}
        // The order rotates, so that no contender always runs first after the others' cleanup.
        for (let k = 0; k < contenders.length; k++) {
          const c = contenders[(k + i + 1) % contenders.length]
          seen[c.key] = await c.run(proxy.url)
          await between?.()
        }
        if (i < 0) continue
        for (const c of contenders) {
          m[c.key].wall.push(seen[c.key].wallMs / 1000)
          m[c.key].rss.push(seen[c.key].peakRss / MB)
        }
        if (seen.curl) ratio.curl.push(seen.action.wallMs / seen.curl.wallMs)
        if (seen.peer) ratio.peer.push(seen.action.wallMs / seen.peer.wallMs)
        log(
          `  ${linkName(rate)} ${i + 1}/${runs}: ` +
            contenders.map((c) => `${c.key} ${(seen[c.key].wallMs / 1000).toFixed(2)} s`).join(', ')
        )
      }
    } finally {
      await proxy.stop()
    }
    const target = targets?.[rate]
    tables.push({
      subtitle: `${what} over a ${linkName(rate)}`,
      rows: [
        ...contenders.map((c) => row(c.name, m[c.key].wall, { unit: 's' })),
        ...(m.curl
          ? [
              row('**ratio action / curl**', ratio.curl, {
                unit: 'x',
                target: target !== undefined ? { max: target } : undefined
              })
            ]
          : []),
        ...(m.peer ? [row('ratio action / SDK-only peer', ratio.peer, { unit: 'x' })] : []),
        row('action peak RSS', m.action.rss, { unit: 'MB', digits: 0 }),
        ...(m.peer ? [row('SDK-only peer peak RSS', m.peer.rss, { unit: 'MB', digits: 0 })] : [])
      ]
    })
  }
  return tables
}
