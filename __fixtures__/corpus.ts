// Real metric widgets and dashboards collected from public repositories (see
// cloudwatch-widgets/README.md for each one's source). Every one must reach CloudWatch as written.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cloudwatch-widgets')

export interface CorpusFile {
  file: string
  text: string
}

function readFolder(folder: string): CorpusFile[] {
  const dir = path.join(root, folder)
  return readdirSync(dir)
    .filter(name => name.endsWith('.json'))
    .sort()
    .map(file => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }))
}

/** The 29 widget files, each one MetricWidget object as GetMetricWidgetImage takes it. */
export function corpusWidgets(): CorpusFile[] {
  return readFolder('widgets')
}

/** The 10 dashboard bodies, as PutDashboard takes them. */
export function corpusDashboards(): CorpusFile[] {
  return readFolder('dashboards')
}

export interface DashboardWidget {
  type: string
  x: number
  y: number
  width: number
  height: number
  properties: Record<string, unknown>
}

/** Every widget of every dashboard, with the dashboard it came from. */
export function corpusDashboardWidgets(): (DashboardWidget & { dashboard: string })[] {
  return corpusDashboards().flatMap(({ file, text }) =>
    (JSON.parse(text) as { widgets: DashboardWidget[] }).widgets.map(widget => ({
      ...widget,
      dashboard: file
    }))
  )
}
