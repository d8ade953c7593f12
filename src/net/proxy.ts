// The runner's proxy. A self-hosted runner behind a company proxy sets HTTP_PROXY, HTTPS_PROXY and
// NO_PROXY (or their lower-case forms) for every step; the API calls and the pull-request comment go
// through it. Node's agents read those variables themselves (`proxyEnv`, Node 24.5 and later):
// https goes through a CONNECT tunnel, so the proxy sees the host and never the key. A loopback
// host never goes through the proxy, as with @actions/http-client: a server on the runner itself
// is not behind it.
import http from 'node:http'
import https from 'node:https'
import { isLoopbackHost } from '../lib/hosts.js'

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const

/** Whether the environment names a proxy at all. */
export function namesProxy(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '')
}

export interface AgentPool {
  /** The agent for a request to `url`: through the proxy, unless its host is a loopback one. */
  for(url: URL): http.Agent
}

/** Keep-alive agents for http and https, direct and (when the environment names one) through the proxy. */
export function agentPool(env: NodeJS.ProcessEnv = process.env): AgentPool {
  const direct = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true })
  }
  // Copied: a later change to process.env changes nothing for agents already made.
  const proxyEnv = { ...env }
  const proxied = namesProxy(env)
    ? {
        'http:': new http.Agent({ keepAlive: true, proxyEnv }),
        'https:': new https.Agent({ keepAlive: true, proxyEnv })
      }
    : direct
  return {
    for(url) {
      const protocol = url.protocol === 'https:' ? 'https:' : 'http:'
      return (isLoopbackHost(url.hostname) ? direct : proxied)[protocol]
    }
  }
}
