// ceph.conf and keyring capabilities for a one-node cluster in one scratch folder (radosgw.md,
// "Bring-up"). Pure: the caller picks the folder, the ports and the fsid.
import path from 'node:path'

export interface ClusterLayout {
  dir: string
  fsid: string
  monV2Port: number
  monV1Port: number
  rgwPort: number
  /** `rgw sts key`: radosgw encrypts session tokens with it; exactly 16 characters. */
  stsKey: string
}

/** The mon's address vector, as monmaptool and `mon host` want it. */
export function monAddress({ monV2Port, monV1Port }: ClusterLayout): string {
  return `[v2:127.0.0.1:${monV2Port},v1:127.0.0.1:${monV1Port}]`
}

export function cephConf(layout: ClusterLayout): string {
  if (layout.stsKey.length !== 16) throw new Error('rgw sts key must be exactly 16 characters')
  const at = (...parts: string[]) => path.join(layout.dir, ...parts)
  return `[global]
fsid = ${layout.fsid}
mon host = ${monAddress(layout)}
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = ${at('keyring')}
run dir = ${at('run')}
admin socket = ${at('run', '$name.asok')}
log file = ${at('log', '$name.log')}
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0

[mon]
mon data = ${at('mon', '$id')}
mon data avail crit = 0
# The default (1 s) makes radosgw's start, which creates its pools one by one, take 13 s instead of 2.
paxos propose interval = 0.01

[osd]
osd data = ${at('osd', '$id')}
# In memory: nothing to format, and the data dies with the daemon.
osd objectstore = memstore
memstore device bytes = 2147483648

[client.rgw.0]
rgw data = ${at('rgw')}
rgw frontends = beast endpoint=127.0.0.1:${layout.rgwPort}
rgw sts key = ${layout.stsKey}
rgw s3 auth use sts = true
`
}

/** Every key the cluster needs, with its capabilities; all imported at mon mkfs. */
export const KEYS: { name: string; caps: Record<string, string> }[] = [
  { name: 'mon.', caps: { mon: 'allow *' } },
  {
    name: 'client.admin',
    caps: { mon: 'allow *', osd: 'allow *', mgr: 'allow *', mds: 'allow *' }
  },
  { name: 'osd.0', caps: { mon: 'allow profile osd', mgr: 'allow profile osd', osd: 'allow *' } },
  { name: 'client.rgw.0', caps: { mon: 'allow rw', osd: 'allow rwx' } }
]
