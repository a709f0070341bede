// MetricWidget validation as GetMetricWidgetImage does it, loosely: the structural rules AWS
// documents (a JSON object, 1-100 metric rows or an alarm annotation, pixel sizes 1-2000) and the
// JSON-schema style messages CloudWatch returns for dashboards ("Should be array", with a dataPath).
// It must accept every real widget in the shared corpus and reject what CloudWatch would reject for
// a reason the action can get wrong: a dashboard wrapper instead of `properties`, bad sizes, junk.
import { AwsError } from './aws-json.js'

export interface WidgetFacts {
  width: number
  height: number
  title: string
}

interface Problem {
  dataPath: string
  message: string
}

const MAX_WIDGET_BYTES = 100 * 1024
const VIEWS = ['timeSeries', 'bar', 'pie', 'singleValue', 'gauge']

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalid(message: string): AwsError {
  return new AwsError(400, 'InvalidParameterInput', message)
}

/** Validates a MetricWidget string; throws an InvalidParameterInput AwsError when CloudWatch would. */
export function checkMetricWidget(text: string | undefined): WidgetFacts {
  if (typeof text !== 'string' || text === '') {
    throw new AwsError(400, 'MissingParameter', 'The parameter MetricWidget is required.')
  }
  if (Buffer.byteLength(text) > MAX_WIDGET_BYTES) {
    throw invalid('The field MetricWidget must not be larger than 100 KB.')
  }
  let widget: unknown
  try {
    widget = JSON.parse(text)
  } catch {
    widget = undefined
  }
  if (!isObject(widget)) throw invalid('The field MetricWidget must be a valid JSON object')

  const problems = [
    ...checkMetrics(widget),
    ...checkAnnotations(widget),
    ...checkScalars(widget),
    ...checkWindow(widget)
  ]
  const metrics = widget.metrics
  const alarms = isObject(widget.annotations) ? widget.annotations.alarms : undefined
  const hasAlarms = Array.isArray(alarms) && alarms.length > 0
  if (metrics === undefined && !hasAlarms) {
    problems.push({
      dataPath: '',
      message: 'Should have at least one metric or an alarm annotation'
    })
  }
  if (problems.length > 0) {
    const count =
      problems.length === 1 ? 'is 1 validation error' : `are ${problems.length} validation errors`
    throw invalid(
      `The metric widget is invalid, there ${count}:\n${JSON.stringify(problems, null, 2)}`
    )
  }
  return {
    width: typeof widget.width === 'number' ? widget.width : 600,
    height: typeof widget.height === 'number' ? widget.height : 400,
    title: typeof widget.title === 'string' ? widget.title : ''
  }
}

function checkMetrics(widget: Json): Problem[] {
  const metrics = widget.metrics
  if (metrics === undefined) return []
  if (!Array.isArray(metrics)) return [{ dataPath: '/metrics', message: 'Should be array' }]
  if (metrics.length === 0) {
    return [{ dataPath: '/metrics', message: 'Should NOT have fewer than 1 items' }]
  }
  if (metrics.length > 100) {
    return [{ dataPath: '/metrics', message: 'Should NOT have more than 100 items' }]
  }
  return metrics.flatMap((row: unknown, index) => checkRow(row, `/metrics/${index}`))
}

/** A row is strings (namespace, name, dimensions, "." / "..." shorthands) and optional options last. */
function checkRow(row: unknown, path: string): Problem[] {
  if (!Array.isArray(row)) return [{ dataPath: path, message: 'Should be array' }]
  if (row.length === 0) return [{ dataPath: path, message: 'Should NOT have fewer than 1 items' }]
  const last: unknown = row[row.length - 1]
  const hasOptions = isObject(last)
  const names = hasOptions ? row.slice(0, -1) : row
  const problems: Problem[] = []
  names.forEach((value: unknown, i) => {
    if (typeof value !== 'string')
      problems.push({ dataPath: `${path}/${i}`, message: 'Should be string' })
  })
  if (names.length === 0 && hasOptions && typeof last.expression !== 'string') {
    problems.push({
      dataPath: `${path}/0`,
      message: "Should have required property 'expression'"
    })
  }
  return problems
}

function checkAnnotations(widget: Json): Problem[] {
  const annotations = widget.annotations
  if (annotations === undefined) return []
  if (!isObject(annotations)) return [{ dataPath: '/annotations', message: 'Should be object' }]
  const problems: Problem[] = []
  for (const kind of ['alarms', 'horizontal', 'vertical']) {
    const list = annotations[kind]
    if (list !== undefined && !Array.isArray(list)) {
      problems.push({ dataPath: `/annotations/${kind}`, message: 'Should be array' })
    }
  }
  const alarms = annotations.alarms
  if (Array.isArray(alarms)) {
    alarms.forEach((arn: unknown, i) => {
      if (typeof arn !== 'string') {
        problems.push({ dataPath: `/annotations/alarms/${i}`, message: 'Should be string' })
      }
    })
  }
  return problems
}

function checkScalars(widget: Json): Problem[] {
  const problems: Problem[] = []
  for (const key of ['width', 'height']) {
    const value = widget[key]
    if (value === undefined) continue
    const dataPath = `/${key}`
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      problems.push({ dataPath, message: 'Should be integer' })
    } else if (value < 1) {
      problems.push({ dataPath, message: 'Should be >= 1' })
    } else if (value > 2000) {
      problems.push({ dataPath, message: 'Should be <= 2000' })
    }
  }
  for (const key of ['title', 'region', 'start', 'end', 'stat', 'timezone']) {
    if (widget[key] !== undefined && typeof widget[key] !== 'string') {
      problems.push({ dataPath: `/${key}`, message: 'Should be string' })
    }
  }
  if (widget.view !== undefined && !VIEWS.includes(widget.view as string)) {
    problems.push({ dataPath: '/view', message: 'Should be equal to one of the allowed values' })
  }
  return problems
}

/** Relative to now (`-PT3H`, `P0D`, `+PT1H`, `-PT0.5H`) or an absolute ISO 8601 time. */
const NUMBER = '\\d+(\\.\\d+)?'
const TIME = new RegExp(
  `^([+-]?P(${NUMBER}W)?(${NUMBER}D)?(T(${NUMBER}H)?(${NUMBER}M)?(${NUMBER}S)?)?|\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+)?(Z|[+-]\\d{2}:?\\d{2})?)$`,
  'i'
)

/** What CloudWatch refuses in a widget's window: its time zone, start, end and period. */
function checkWindow(widget: Json): Problem[] {
  const problems: Problem[] = []
  const zone = widget.timezone
  if (typeof zone === 'string' && !/^[+-]\d{4}$/.test(zone)) {
    problems.push({ dataPath: '/timezone', message: 'Should match pattern "^[+-][0-9]{4}$"' })
  }
  for (const key of ['start', 'end']) {
    const value = widget[key]
    if (typeof value === 'string' && (!TIME.test(value) || /^[+-]?PT?$/i.test(value))) {
      problems.push({
        dataPath: `/${key}`,
        message: 'Should be a relative or absolute ISO 8601 time'
      })
    }
  }
  const period = widget.period
  const validPeriod =
    typeof period === 'number' &&
    Number.isInteger(period) &&
    period > 0 &&
    ([1, 5, 10, 30].includes(period) || period % 60 === 0)
  if (period !== undefined && !validPeriod) {
    problems.push({ dataPath: '/period', message: 'Should be 1, 5, 10, 30 or a multiple of 60' })
  }
  return problems
}
