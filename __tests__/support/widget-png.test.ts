// The CloudWatch stand-in draws what the widget asks for, as CloudWatch would: these read as what a
// user sees in the demo's graphs.
import { PNG } from 'pngjs'
import { chartOption, legendLabel, PALETTE, shortNumber } from '../../test-support/widget-chart.js'
import { expandRows, offsetOf, timeOf, widgetModel } from '../../test-support/widget-model.js'
import { renderWidgetPng } from '../../test-support/widget-png.js'

const NOW = Date.UTC(2025, 2, 4, 9, 0, 0)
const cpu = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    title: 'Web CPU',
    metrics: [
      ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'],
      ['...', 'i-2', { color: '#d62728', label: 'second' }]
    ],
    ...extra
  })

type Series = { name: string; color: string; stack?: string; data: Array<[number, number]> }

function seriesOf(widget: string): Series[] {
  return chartOption(widgetModel(widget, NOW)).series as Series[]
}

/** Pixels of about this colour in the given rows. */
function countColour(png: PNG, hex: string, rows: [number, number]): number {
  const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16))
  let count = 0
  for (let y = rows[0]; y < rows[1]; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4
      // Anti-aliased edges blend with the white: close enough counts.
      const near = [r, g, b].every((c, k) => Math.abs((png.data[i + k] ?? 0) - (c ?? 0)) < 48)
      if (near) count += 1
    }
  }
  return count
}

describe('the CloudWatch stand-in draws the widget', () => {
  test('a PNG of the widget size, the same for the same widget, another for another', () => {
    const image = renderWidgetPng(cpu({ width: 480, height: 240 }), NOW)
    const png = PNG.sync.read(image)
    expect([png.width, png.height]).toEqual([480, 240])
    expect(renderWidgetPng(cpu({ width: 480, height: 240 }), NOW).equals(image)).toBe(true)
    expect(renderWidgetPng(cpu({ width: 480, height: 240, title: 'x' }), NOW).equals(image)).toBe(
      false
    )
  })

  test('one series per metric row, "..." expanded, labelled and coloured like CloudWatch', () => {
    const series = seriesOf(cpu())
    expect(series.map(s => s.name)).toEqual(['i-1 CPUUtilization', 'second'])
    expect(series.map(s => s.color)).toEqual([PALETTE[0], '#d62728'])
    expect(
      expandRows([
        ['A', 'M', 'D', 'x'],
        ['.', 'N', '.', '.']
      ])[1]?.names
    ).toEqual(['A', 'N', 'D', 'x'])
  })

  test('rows that differ only by stat get distinct legend entries', () => {
    const metrics = [
      ['AWS/ELB', 'Latency', 'LB', 'a', { stat: 'Average' }],
      ['...', { stat: 'p99' }],
      ['...']
    ]
    const labels = widgetModel(JSON.stringify({ metrics }), NOW).series.map(s => s.label)
    expect(labels).toEqual(['a Latency', 'a Latency p99', 'a Latency (2)'])
  })

  test('the legend shows each series in its colour below the graph', () => {
    const png = PNG.sync.read(renderWidgetPng(cpu(), NOW))
    const legendRows: [number, number] = [png.height - 30, png.height]
    expect(countColour(png, PALETTE[0] ?? '', legendRows)).toBeGreaterThan(50)
    expect(countColour(png, '#d62728', legendRows)).toBeGreaterThan(50)
  })

  test('the time axis spans start to end in steps of period, in the widget timezone', () => {
    const model = widgetModel(cpu({ start: '-PT6H', period: 600, timezone: '+0130' }), NOW)
    expect(model.times[0]).toBe(NOW - 6 * 3600_000)
    expect(model.times.at(-1)).toBe(NOW)
    expect(model.times).toHaveLength(37)
    const axis = chartOption(model).xAxis as { min: number; max: number }
    expect(axis.max - NOW).toBe(90 * 60_000)
    expect(offsetOf('-0500')).toBe(-300)
    expect(timeOf('2025-03-01T00:00:00Z', NOW)).toBe(Date.UTC(2025, 2, 1))
    expect(timeOf('-P1D', NOW)).toBe(NOW - 86_400_000)
  })

  test('values fit the metric: a CPU in percent stays within 0-100, a count is whole', () => {
    const model = widgetModel(cpu({ start: '-P7D', period: 60 }), NOW)
    const values = model.series.flatMap(s => s.values)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThanOrEqual(100)
    expect(model.axes.left.label).toBe('Percent')
    const sum = widgetModel(
      JSON.stringify({ metrics: [['AWS/Lambda', 'Invocations']], stat: 'Sum' }),
      NOW
    )
    expect(sum.series[0]?.values.every(Number.isInteger)).toBe(true)
  })

  test("the y axis's label, min and max; values kept inside them", () => {
    const yAxis = { left: { label: 'ms', min: 0.1, max: 1, showUnits: false } }
    const model = widgetModel(cpu({ yAxis }), NOW)
    expect(model.axes.left).toEqual({ label: 'ms', min: 0.1, max: 1 })
    const values = model.series.flatMap(s => s.values)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0.1)
    expect(Math.max(...values)).toBeLessThanOrEqual(1)
  })

  test('stacked widgets stack areas; horizontal annotations are lines with their label', () => {
    const threshold = { value: 80, label: 'CPU high', color: '#ff0000' }
    const series = seriesOf(cpu({ stacked: true, annotations: { horizontal: [threshold] } }))
    expect(series.every(s => s.stack === 'total')).toBe(true)
    const markLine = (series[0] as unknown as { markLine: { data: unknown[] } }).markLine
    expect(markLine.data).toEqual([
      expect.objectContaining({
        yAxis: 80,
        label: expect.objectContaining({ formatter: 'CPU high' })
      })
    ])
    const png = PNG.sync.read(
      renderWidgetPng(cpu({ annotations: { horizontal: [threshold] } }), NOW)
    )
    expect(countColour(png, '#ff0000', [0, png.height])).toBeGreaterThan(100)
  })

  test('dynamic labels are filled in, and large numbers shortened', () => {
    const series = { label: 'now: ${LAST}', values: [1, 2500], color: undefined }
    expect(legendLabel({ ...series, axis: 'left', unit: 'Count' })).toBe('now: 2.5k')
    expect(shortNumber(1_230_000)).toBe('1.23M')
  })

  test('an alarm-only widget draws the alarm, named after it', () => {
    const arn = 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-5xx'
    const model = widgetModel(JSON.stringify({ annotations: { alarms: [arn] } }), NOW)
    expect(model.series.map(s => s.label)).toEqual(['orders-5xx'])
  })
})
