// One loopback server for the two AWS JSON services the action calls with the real SDK:
// CloudWatch (AWS JSON 1.0, X-Amz-Target GraniteServiceVersion20100801.*) and SSM (AWS JSON 1.1,
// AmazonSSM.*). Point the SDK at `endpoint` (client `endpoint`, or AWS_ENDPOINT_URL_CLOUDWATCH /
// AWS_ENDPOINT_URL_SSM) and it serialises, signs, retries and parses as it would against AWS.
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  AwsError,
  authenticate,
  checkAllowed,
  CONTENT_TYPE,
  faultError,
  parseAwsJson,
  sendAwsError,
  sendAwsResult,
  type AwsIdentity,
  type AwsService
} from './aws-json.js'
import {
  type AlarmPaging,
  type AlarmsRequest,
  type StandInAlarm,
  describeAlarms,
  drawnAlarmWidget
} from './cloudwatch-alarms.js'
import { checkMetricWidget } from './cloudwatch-widget.js'
import { FaultPlan, Timeline, now } from './faults.js'
import {
  closeServer,
  type Serving,
  createJsonServer,
  hangUp,
  listenOnLoopback,
  loseAnswer,
  readBody,
  resetConnection
} from './http.js'
import { getParameter, getParameters, type SsmParameter } from './ssm-parameters.js'
import { renderWidgetPng } from './widget-png.js'

export type { AwsIdentity } from './aws-json.js'
export type { AlarmsRequest, StandInAlarm } from './cloudwatch-alarms.js'
export type { SsmParameter } from './ssm-parameters.js'

type Json = Record<string, unknown>

export interface AwsStandInOptions {
  /** Dashboard name -> DashboardBody (a JSON string), for GetDashboard. */
  dashboards?: Record<string, string>
  /** The region's alarms, for DescribeAlarms and alarm widgets. */
  alarms?: StandInAlarm[]
  parameters?: Record<string, SsmParameter>
  /** Known keys; signatures are then verified. Omitted: any signed request is accepted. */
  identities?: AwsIdentity[]
  /** When given, requests signed for another region are refused. */
  region?: string
  /** GetMetricWidgetImage quota (AWS: 20 per second); off unless given. */
  throttle?: { perSecond: number }
  faults?: FaultPlan
  timeline?: Timeline
  accountId?: string
  /** https, under a host name (default: http on 127.0.0.1). */
  serving?: Serving
  /** The graphs' "now" (milliseconds since the epoch); the wall clock unless given. */
  clock?: () => number
}

export interface WidgetImageRequest {
  at: number
  /** The MetricWidget string exactly as received. */
  widget: string
  outputFormat: string | undefined
  /** The PNG returned: what the action must upload byte for byte. */
  image: Buffer
}

export interface SsmRequest {
  at: number
  operation: 'GetParameters' | 'GetParameter'
  names: string[]
  withDecryption: boolean
}

/** Every error answer (validation, auth, throttling, injected faults), in order. */
export interface AwsErrorRecord {
  at: number
  service: AwsService
  operation: string
  status: number
  code: string
  message: string
}

export interface AwsStandIn {
  endpoint: string
  /** Successful GetMetricWidgetImage calls. */
  cloudwatchRequests: WidgetImageRequest[]
  ssmRequests: SsmRequest[]
  alarmsRequests: AlarmsRequest[]
  errors: AwsErrorRecord[]
  dashboards: Record<string, string>
  alarms: StandInAlarm[]
  /** IAM actions the caller is denied (such as 'cloudwatch:DescribeAlarms'): AccessDenied. */
  denied: string[]
  alarmPaging: AlarmPaging
  parameters: Record<string, SsmParameter>
  faults: FaultPlan
  timeline: Timeline
  /** May be switched on or off between requests. */
  throttle: { perSecond: number } | undefined
  close(): Promise<void>
}

const TARGET_PREFIX: Record<string, AwsService> = {
  'GraniteServiceVersion20100801.': 'cloudwatch',
  'AmazonSSM.': 'ssm'
}

function route(target: string | undefined): { service: AwsService; operation: string } | undefined {
  for (const [prefix, service] of Object.entries(TARGET_PREFIX)) {
    if (target?.startsWith(prefix)) return { service, operation: target.slice(prefix.length) }
  }
  return undefined
}

export async function startAwsStandIn(options: AwsStandInOptions = {}): Promise<AwsStandIn> {
  const accountId = options.accountId ?? '123456789012'
  const admitted: number[] = []

  const standIn: Omit<AwsStandIn, 'endpoint' | 'close'> = {
    cloudwatchRequests: [],
    ssmRequests: [],
    alarmsRequests: [],
    errors: [],
    dashboards: options.dashboards ?? {},
    alarms: options.alarms ?? [],
    denied: [],
    alarmPaging: 'filled',
    parameters: options.parameters ?? {},
    faults: options.faults ?? new FaultPlan(),
    timeline: options.timeline ?? new Timeline(),
    throttle: options.throttle
  }

  /** Sliding one-second window over admitted calls; refused calls do not use up the quota. */
  function checkQuota(): void {
    if (!standIn.throttle) return
    const at = now()
    while (admitted.length > 0 && (admitted[0] ?? 0) <= at - 1000) admitted.shift()
    if (admitted.length >= standIn.throttle.perSecond) {
      throw new AwsError(400, 'Throttling', 'Rate exceeded')
    }
    admitted.push(at)
  }

  function cloudwatch(operation: string, input: Json, at: number, region: string) {
    const alarms = { alarms: standIn.alarms, paging: standIn.alarmPaging, region, accountId }
    checkAllowed(standIn.denied, `cloudwatch:${operation}`, accountId)
    if (operation === 'DescribeAlarms') {
      const answer = describeAlarms(input, alarms)
      standIn.alarmsRequests.push({ at, end: now(), input })
      return answer
    }
    if (operation === 'GetMetricWidgetImage') {
      // The quota is enforced at the front door: invalid requests use it up too.
      checkQuota()
      const widget = input.MetricWidget
      checkMetricWidget(typeof widget === 'string' ? widget : undefined)
      const outputFormat = typeof input.OutputFormat === 'string' ? input.OutputFormat : undefined
      if (outputFormat !== undefined && outputFormat !== 'png') {
        const message = `The value ${outputFormat} for parameter OutputFormat is invalid. Use png.`
        throw new AwsError(400, 'InvalidParameterValue', message)
      }
      // What the widget asks for, drawn like CloudWatch draws it; the same widget draws the same
      // graph at the same time.
      const drawn = drawnAlarmWidget(widget as string, alarms)
      const image = renderWidgetPng(drawn, (options.clock ?? Date.now)())
      standIn.cloudwatchRequests.push({ at, widget: widget as string, outputFormat, image })
      return { MetricWidgetImage: image.toString('base64') }
    }
    if (operation === 'GetDashboard') {
      const name = input.DashboardName
      const body = typeof name === 'string' ? standIn.dashboards[name] : undefined
      if (typeof name !== 'string' || body === undefined) {
        throw new AwsError(404, 'ResourceNotFound', `Dashboard ${String(name)} does not exist`)
      }
      const arn = `arn:aws:cloudwatch::${accountId}:dashboard/${name}`
      return { DashboardArn: arn, DashboardBody: body, DashboardName: name }
    }
    throw new AwsError(400, 'UnknownOperationException', `Operation ${operation} is not supported`)
  }

  function ssm(operation: string, input: Record<string, unknown>, at: number, region: string) {
    const context = { parameters: standIn.parameters, region, accountId }
    const withDecryption = input.WithDecryption === true
    if (operation === 'GetParameters') {
      const names = Array.isArray(input.Names) ? input.Names.map(String) : []
      standIn.ssmRequests.push({ at, operation, names, withDecryption })
      return getParameters(input, context)
    }
    if (operation === 'GetParameter') {
      const names = typeof input.Name === 'string' ? [input.Name] : []
      standIn.ssmRequests.push({ at, operation, names, withDecryption })
      return getParameter(input, context)
    }
    throw new AwsError(400, 'UnknownOperationException', `Operation ${operation} is not supported`)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const target = route(req.headers['x-amz-target'] as string | undefined)
    const service = target?.service ?? 'cloudwatch'
    const operation = target?.operation ?? 'unknown'
    const event = standIn.timeline.start(service, operation)
    try {
      await standIn.faults.delay()
      if (!target) {
        // The installed SDK speaks AWS JSON; a Query-protocol (form) request lands here.
        throw new AwsError(400, 'UnknownOperationException', 'Only AWS JSON X-Amz-Target requests')
      }
      const fault = standIn.faults.take(operation, body.toString('utf8'))
      if (fault?.kind === 'reset') return resetConnection(req)
      if (fault?.kind === 'hang') return await hangUp(req)
      if (fault?.kind === 'lost') return await loseAnswer(req, res, fault.answer)
      if (fault) throw faultError(fault, service)

      const region = authenticate(req, body, service, options)
      if (!req.headers['content-type']?.startsWith(CONTENT_TYPE[service])) {
        throw new AwsError(400, 'SerializationException', `Expected ${CONTENT_TYPE[service]}`)
      }
      const fields = parseAwsJson(body)
      const output =
        service === 'cloudwatch'
          ? cloudwatch(operation, fields, event.at, region)
          : ssm(operation, fields, event.at, region)
      sendAwsResult(res, service, output)
    } catch (error) {
      if (!(error instanceof AwsError)) throw error
      const { status, code, message } = error
      standIn.errors.push({ at: event.at, service, operation, status, code, message })
      sendAwsError(res, service, error)
    } finally {
      standIn.timeline.finish(event)
    }
  }

  const server = createJsonServer(handle, options.serving)
  const endpoint = await listenOnLoopback(server, options.serving)
  return Object.assign(standIn, { endpoint, close: () => closeServer(server) })
}
