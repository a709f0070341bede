import { corpusDashboards } from '../../__fixtures__/corpus.js'
import { dashboardGraphs } from '../../src/domain/dashboards.js'

const metric = (title: string, x: number, y: number, width = 12, height = 6) => ({
  type: 'metric',
  x,
  y,
  width,
  height,
  properties: { title, metrics: [['AWS/EC2', 'CPUUtilization']], region: 'us-east-1' }
})

describe('dashboardGraphs', () => {
  test("periodOverride: auto is reported, so the graphs' periods can fit their window", () => {
    const widgets = [metric('a', 0, 0)]
    expect(
      dashboardGraphs('d', JSON.stringify({ periodOverride: 'auto', widgets })).autoPeriod
    ).toBe(true)
    for (const periodOverride of ['inherit', undefined]) {
      expect(dashboardGraphs('d', JSON.stringify({ periodOverride, widgets })).autoPeriod).toBe(
        false
      )
    }
  })

  test('reading order: top to bottom, then left to right', () => {
    const body = JSON.stringify({
      widgets: [
        metric('bottom', 0, 12),
        metric('top right', 12, 0),
        metric('top left', 0, 0),
        metric('middle', 6, 6)
      ]
    })
    expect(dashboardGraphs('d', body).graphs.map(g => g.name)).toEqual([
      'top left',
      'top right',
      'middle',
      'bottom'
    ])
  })

  test('sized from the grid: a full-width widget is wider than a half-width one', () => {
    const body = JSON.stringify({
      widgets: [metric('full', 0, 0, 24, 6), metric('half', 0, 6, 12, 6)]
    })
    const [full, half] = dashboardGraphs('d', body).graphs.map(g => JSON.parse(g.metricWidget))
    expect(full).toMatchObject({ width: 1200, height: 300 })
    expect(half).toMatchObject({ width: 600, height: 300 })
  })

  test("the widget's own properties win; the dashboard's time range fills in", () => {
    const own = {
      ...metric('own', 0, 0),
      properties: { ...metric('own', 0, 0).properties, width: 640, start: '-PT1H' }
    }
    const body = JSON.stringify({ start: '-PT3H', end: 'P0D', widgets: [own] })
    const widget = JSON.parse(dashboardGraphs('d', body).graphs[0]!.metricWidget)
    expect(widget).toMatchObject({ width: 640, height: 300, start: '-PT1H', end: 'P0D' })
    expect(widget.metrics).toEqual([['AWS/EC2', 'CPUUtilization']])
  })

  test('text, alarm, log and explorer widgets are skipped, with what they were', () => {
    const body = JSON.stringify({
      widgets: [
        {
          type: 'text',
          x: 0,
          y: 0,
          width: 24,
          height: 1,
          properties: { markdown: '# Service health\nmore' }
        },
        metric('cpu', 0, 1),
        {
          type: 'log',
          x: 0,
          y: 7,
          width: 24,
          height: 6,
          properties: { title: 'Errors', query: 'fields @message' }
        },
        {
          type: 'alarm',
          x: 0,
          y: 13,
          width: 6,
          height: 3,
          properties: { title: 'Alarms', alarms: [] }
        }
      ]
    })
    const content = dashboardGraphs('d', body)
    expect(content.graphs.map(g => g.name)).toEqual(['cpu'])
    expect(content.skipped).toEqual([
      { type: 'text', title: 'Service health' },
      { type: 'log', title: 'Errors' },
      { type: 'alarm', title: 'Alarms' }
    ])
  })

  test('untitled metric widgets are named after the dashboard', () => {
    const untitled = { ...metric('', 0, 0), properties: { metrics: [['a', 'b']] } }
    expect(dashboardGraphs('ops', JSON.stringify({ widgets: [untitled] })).graphs[0]!.name).toBe(
      'ops 1'
    )
  })

  test('a body that is not a dashboard is refused', () => {
    expect(() => dashboardGraphs('d', '{"title": "no widgets"}')).toThrow(/no widgets list/)
  })

  test.each(corpusDashboards().map(d => [d.file, d.text]))(
    'corpus %s: every metric widget, nothing else',
    (_file, text) => {
      const body = JSON.parse(text) as {
        widgets: { type: string; properties: Record<string, unknown> }[]
      }
      const content = dashboardGraphs('d', text)
      const metrics = body.widgets.filter(w => w.type === 'metric')
      expect(content.graphs).toHaveLength(metrics.length)
      expect(content.skipped).toHaveLength(body.widgets.length - metrics.length)
      for (const graph of content.graphs) {
        const widget = JSON.parse(graph.metricWidget) as Record<string, unknown>
        // Every key of some metric widget's properties is kept, with its value.
        const source = metrics.find(m =>
          Object.entries(m.properties).every(
            ([key, value]) => JSON.stringify(widget[key]) === JSON.stringify(value)
          )
        )
        expect(source).toBeDefined()
        expect(widget.width).toBeGreaterThanOrEqual(300)
        expect(widget.height).toBeGreaterThanOrEqual(200)
      }
    }
  )
})
