// The proxy every request takes: the inputs http-proxy and no-proxy, else the environment's
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower-case names first, as curl reads them).
import * as core from '@actions/core'
import { type ProxySettings, proxyPasswords, readProxySettings } from '../domain/proxy.js'
import { input } from './values.js'

/** Proxy URLs may hold a password: masked before anything about them can be said or fail. */
export function readProxy(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const httpProxy = input('http-proxy')
  const urls = [httpProxy, env.https_proxy, env.HTTPS_PROXY, env.http_proxy, env.HTTP_PROXY]
  for (const url of urls) {
    for (const password of proxyPasswords(url ?? '')) core.setSecret(password)
  }
  return readProxySettings({ httpProxy, noProxy: input('no-proxy') }, env)
}
