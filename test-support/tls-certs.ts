// A corporate CA made for the test, and a server certificate it signed for the stand-ins' names and
// addresses: what a TLS-inspecting proxy's CA looks like to the action. Made with the openssl
// command line (node:crypto has no X.509 signing), in a temporary folder, offline.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface TestCertificates {
  /** The CA's certificate (PEM), and the file that holds it (for NODE_EXTRA_CA_CERTS). */
  caPem: string
  caFile: string
  /** The server's key and certificate (PEM), signed by the CA. */
  key: string
  cert: string
  /** Removes the folder. */
  remove(): void
}

export function makeCertificates(names: string[], addresses: string[]): TestCertificates {
  const dir = mkdtempSync(path.join(tmpdir(), 'test-ca-'))
  const file = (name: string) => path.join(dir, name)
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/O=Stand-in Corp/CN=Stand-in Corporate Root CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign'
  )
  openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=stand-ins')
  const altNames = [...names.map(n => `DNS:${n}`), ...addresses.map(a => `IP:${a}`)]
  writeFileSync(
    file('server.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${altNames.join(',')}`
    ].join('\n')
  )
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'server.ext'
  )
  return {
    caPem: readFileSync(file('ca.pem'), 'utf8'),
    caFile: file('ca.pem'),
    key: readFileSync(file('server.key'), 'utf8'),
    cert: readFileSync(file('server.pem'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
