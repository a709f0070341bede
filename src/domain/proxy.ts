// The proxy, read as curl and the runner read it: which proxy a request takes (or none), from the
// inputs or the environment, and how to speak of it without its password. Pure: the tunnel
// through it is src/tunnel.ts, used by both HTTP stacks (src/http.ts, src/aws/proxy-agents.ts).
import { ActionError, InputError } from './errors.js'

export interface ProxyEndpoint {
  protocol: 'http:' | 'https:'
  /** A host name or an IP address (IPv6 without brackets). */
  host: string
  port: number
  /** Decoded from the URL; undefined when it has none. */
  username?: string
  password?: string
  /** Where it was set: 'input http-proxy', or the environment variable's name. */
  source: string
}

/** One NO_PROXY entry: a host or domain (matches its subdomains too), an IP, IPv4 CIDR, or '*'. */
export interface NoProxyEntry {
  host: string
  port?: number
  /** An IPv4 range: the network as a number, and the prefix length. */
  cidr?: [number, number]
}

export interface ProxySettings {
  /** For https:// targets (HTTPS_PROXY), and for http:// ones (HTTP_PROXY). */
  https?: ProxyEndpoint
  http?: ProxyEndpoint
  /** The exceptions: hosts reached directly. */
  noProxy: NoProxyEntry[]
}

/** The inputs, as given ('' when not). */
export interface ProxyInputs {
  httpProxy: string
  noProxy: string
}

/**
 * The input http-proxy (for every target) or the environment (lower-case names first, as curl
 * reads them); the input no-proxy or NO_PROXY. A malformed proxy URL is an error naming where it was
 * set, never showing the value (it may hold a password).
 */
export function readProxySettings(
  inputs: ProxyInputs,
  env: Record<string, string | undefined>
): ProxySettings | undefined {
  const fromEnv = (names: string[]): ProxyEndpoint | undefined => {
    const name = names.find(n => env[n]?.trim())
    return name ? parseProxyUrl(env[name]?.trim() ?? '', name) : undefined
  }
  const given = inputs.httpProxy.trim()
  const input = given ? parseProxyUrl(given, 'input http-proxy') : undefined
  const noProxy = inputs.noProxy.trim() || env.no_proxy?.trim() || env.NO_PROXY?.trim() || ''
  const settings: ProxySettings = {
    https: input ?? fromEnv(['https_proxy', 'HTTPS_PROXY']),
    http: input ?? fromEnv(['http_proxy', 'HTTP_PROXY']),
    noProxy: parseNoProxy(noProxy)
  }
  return settings.https || settings.http ? settings : undefined
}

/** http://[user:password@]host[:port]; no scheme means http://. The port defaults to 80 (443). */
export function parseProxyUrl(value: string, source: string): ProxyEndpoint {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw proxyUrlError(source, 'is not a URL: expected http://[user:password@]host:port')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw proxyUrlError(
      source,
      `is a ${url.protocol.slice(0, -1)}:// URL: only http:// and https:// proxies are supported`
    )
  }
  if (!url.hostname) throw proxyUrlError(source, 'has no host')
  return {
    protocol: url.protocol,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
    username: url.username ? decode(url.username) : undefined,
    password: url.password ? decode(url.password) : undefined,
    source
  }
}

function proxyUrlError(source: string, detail: string): Error {
  if (source === 'input http-proxy') return new InputError('http-proxy', detail)
  return new ActionError(`The proxy in the environment variable ${source} ${detail}`)
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * The password of a proxy URL, as written and decoded, for masking before the URL is parsed (so
 * that no error about it can show the password first).
 */
export function proxyPasswords(value: string): string[] {
  const userInfo = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)@/i.exec(value.trim())?.[1] ?? ''
  const colon = userInfo.indexOf(':')
  const password = colon < 0 ? '' : userInfo.slice(colon + 1)
  return [...new Set([password, decode(password)])].filter(secret => secret !== '')
}

/** The URL with its password replaced by ***, for the log. */
export function redactUrl(value: string): string {
  return value.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#:@]*:)[^/?#]*@/i, '$1***@')
}

/** NO_PROXY's entries: comma (or space) separated; '.domain' and '*.domain' mean 'domain'. */
export function parseNoProxy(value: string): NoProxyEntry[] {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(entry => parseNoProxyEntry(entry.toLowerCase()))
}

function parseNoProxyEntry(entry: string): NoProxyEntry {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return withPort(bracketed[1] ?? '', bracketed[2])
  const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(entry)
  const network = cidr ? ipv4(cidr[1] ?? '') : undefined
  const bits = Number(cidr?.[2])
  if (network !== undefined && bits <= 32) {
    return { host: entry, cidr: [(network & mask(bits)) >>> 0, bits] }
  }
  const hostPort = /^([^:]+):(\d+)$/.exec(entry)
  if (hostPort) return withPort(hostPort[1] ?? '', hostPort[2])
  return withPort(entry, undefined)
}

function withPort(host: string, port: string | undefined): NoProxyEntry {
  const name = host.replace(/^\*?\./, '').replace(/\.$/, '')
  return port === undefined ? { host: name } : { host: name, port: Number(port) }
}

/** The proxy a request to this target takes, or undefined to go direct. */
export function proxyFor(
  settings: ProxySettings | undefined,
  protocol: string,
  host: string,
  port: number
): ProxyEndpoint | undefined {
  const proxy = protocol === 'https:' ? settings?.https : settings?.http
  if (!proxy || !settings) return undefined
  const name = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
  const bypass = settings.noProxy.some(
    entry => (entry.port === undefined || entry.port === port) && matches(entry, name)
  )
  return bypass ? undefined : proxy
}

function matches(entry: NoProxyEntry, host: string): boolean {
  if (entry.host === '*' || entry.host === host) return true
  if (entry.cidr) {
    const address = ipv4(host)
    return address !== undefined && (address & mask(entry.cidr[1])) >>> 0 === entry.cidr[0]
  }
  const isAddress = ipv4(host) !== undefined || host.includes(':')
  return !isAddress && entry.host !== '' && host.endsWith(`.${entry.host}`)
}

function ipv4(text: string): number | undefined {
  const parts = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)?.slice(1).map(Number)
  if (!parts || parts.some(part => part > 255)) return undefined
  return parts.reduce((value, part) => value * 256 + part, 0)
}

function mask(bits: number): number {
  return bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0
}

/** host:port, IPv6 in brackets: what the log and the errors show of a proxy or a target. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`
}

/** One line for the log: which proxy for which targets, and the exceptions. Never a password. */
export function describeProxy(settings: ProxySettings | undefined): string {
  if (!settings) return ''
  const via = (proxy: ProxyEndpoint) => `${hostPort(proxy.host, proxy.port)} (${proxy.source})`
  const parts = [
    settings.https ? `https via ${via(settings.https)}` : 'https direct',
    settings.http ? `http via ${via(settings.http)}` : 'http direct'
  ]
  const exceptions = settings.noProxy.map(entry =>
    entry.port === undefined ? entry.host : hostPort(entry.host, entry.port)
  )
  if (exceptions.length > 0) parts.push(`direct to ${exceptions.join(', ')}`)
  return `proxy: ${parts.join(', ')}`
}
