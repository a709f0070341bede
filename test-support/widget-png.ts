// The CloudWatch stand-in's images: a widget drawn by ECharts (server-side SVG) and turned into a PNG
// by resvg. resvg draws text only with font files it is given: DejaVu Sans (Debian's
// fonts-dejavu-core, which `.ci/run` installs) when the machine has it, else the system's fonts.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type * as Echarts from 'echarts'
import type * as ResvgJs from '@resvg/resvg-js'
import { chartOption } from './widget-chart.js'
import { widgetModel } from './widget-model.js'

// One file each: the CommonJS builds load faster than ECharts' hundreds of ES modules.
const require = createRequire(import.meta.url)
const echarts = require('echarts') as typeof Echarts
const { Resvg } = require('@resvg/resvg-js') as typeof ResvgJs

const FONT_DIRS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/local/share/fonts',
  '/opt/homebrew/share/fonts',
  '/Library/Fonts'
]

let fontFiles: string[] | undefined

// Without a canvas, ECharts guesses text widths; these are DejaVu Sans's advances (in ems) by kind
// of character, close enough that legends and labels neither overlap nor leave gaps.
const NARROW = new Set("il.,:;|!'()[]{}/\\ -".split(''))
function advance(char: string, bold: boolean): number {
  let em = /[0-9]/.test(char) ? 0.64 : /[A-Z]/.test(char) ? 0.72 : 0.61
  if (NARROW.has(char)) em = char === ' ' ? 0.32 : 0.34
  if (/[mwMW]/.test(char)) em = 0.95
  return bold ? em * 1.1 : em
}
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12)
    const bold = /bold|[6-9]00/.test(font ?? '')
    let width = 0
    for (const char of text) width += advance(char, bold) * size
    return { width }
  }
})

/** DejaVu Sans and its bold face, where a font package put them; [] when the machine has neither. */
export function dejaVuFiles(): string[] {
  if (fontFiles) return fontFiles
  fontFiles = []
  for (const dir of FONT_DIRS) {
    const files = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(file => path.join(dir, file))
    if (files.every(file => existsSync(file))) {
      fontFiles = files
      break
    }
  }
  return fontFiles
}

/** An ECharts option drawn at width x height, as a PNG. */
export function renderChartPng(
  option: Record<string, unknown>,
  width: number,
  height: number
): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  let svg: string
  try {
    chart.setOption(option)
    svg = chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
  const files = dejaVuFiles()
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    background: '#ffffff',
    font: {
      fontFiles: files,
      loadSystemFonts: files.length === 0,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans'
    }
  })
  return resvg.render().asPng()
}

/**
 * What GetMetricWidgetImage returns for a (valid) MetricWidget: the graph the widget asks for, at
 * its width and height, with values that are the same for the same widget at the same `now`.
 */
export function renderWidgetPng(widget: string, now: number = Date.now()): Buffer {
  const model = widgetModel(widget, now)
  // The graph depends only on the widget and its time points (aligned to the period, like
  // CloudWatch's), so a render is kept: the e2e suites run the same widgets on two Nodes, and the
  // bench runs the same graphs again and again.
  const key = `${model.times[0]}/${model.times.at(-1)}/${widget}`
  const kept = rendered.get(key)
  if (kept) return kept
  const png = renderChartPng(chartOption(model), model.width, model.height)
  if (rendered.size >= MAX_KEPT) rendered.delete(rendered.keys().next().value ?? '')
  rendered.set(key, png)
  return png
}

const MAX_KEPT = 500
const rendered = new Map<string, Buffer>()

export interface SampleGraph {
  width: number
  height: number
  title: string
  /** Different seeds draw different data, so a test can tell which image ended up where. */
  seed: number
}

/** A CPU graph for tests that need a real PNG: the same for the same options. */
export function renderGraphPng({ width, height, title, seed }: SampleGraph): Buffer {
  const metrics = [['AWS/EC2', 'CPUUtilization', 'InstanceId', `i-${seed}`]]
  const widget = JSON.stringify({ title, width, height, metrics, start: '-PT3H' })
  return renderWidgetPng(widget, Date.UTC(2025, 0, 1, 9))
}
