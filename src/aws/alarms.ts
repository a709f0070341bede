// CloudWatch alarms (DescribeAlarms): one query followed through its pages, each alarm read into
// the domain's terms. Accounts have thousands of alarms, so a page is as large as the API allows.
import {
  type CloudWatchClient,
  type CompositeAlarm,
  DescribeAlarmsCommand,
  type DescribeAlarmsInput,
  type MetricAlarm
} from '@aws-sdk/client-cloudwatch'
import type { Alarm, AlarmQuery } from '../domain/alarms.js'
import { ActionError } from '../domain/errors.js'
import { awsErrorCode, awsErrorText, throwIfSetupProblem } from './errors.js'

/** DescribeAlarms returns at most 100 alarms a page. */
const PAGE = 100

/** Past this many pages the answer is wrong (a NextToken that never ends), not large. */
const MAX_PAGES = 1000

/** Every alarm the query finds, metric and composite, over all its pages. */
export async function describeAlarms(
  client: CloudWatchClient,
  query: AlarmQuery,
  signal?: AbortSignal
): Promise<Alarm[]> {
  const alarms: Alarm[] = []
  let nextToken: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const input: DescribeAlarmsInput = {
      ...filterOf(query),
      // Without it, DescribeAlarms returns metric alarms only.
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
      MaxRecords: PAGE,
      ...(nextToken ? { NextToken: nextToken } : {})
    }
    try {
      const response = await client.send(new DescribeAlarmsCommand(input), { abortSignal: signal })
      alarms.push(...(response.MetricAlarms ?? []).flatMap(a => readAlarm(a, 'metric')))
      alarms.push(...(response.CompositeAlarms ?? []).flatMap(a => readAlarm(a, 'composite')))
      nextToken = response.NextToken
    } catch (error) {
      throw describeFailure(error, query, signal)
    }
    if (!nextToken) return alarms
  }
  throw new ActionError(
    `DescribeAlarms (${describeQuery(query)}) still had more pages after ${MAX_PAGES}`
  )
}

function filterOf(query: AlarmQuery): DescribeAlarmsInput {
  if (query.kind === 'firing') return { StateValue: 'ALARM' }
  if (query.kind === 'names') return { AlarmNames: query.names }
  return { AlarmNamePrefix: query.prefix }
}

function readAlarm(alarm: MetricAlarm | CompositeAlarm, kind: Alarm['kind']): Alarm[] {
  if (!alarm.AlarmName || !alarm.AlarmArn) return []
  const since = alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp
  return [
    {
      name: alarm.AlarmName,
      arn: alarm.AlarmArn,
      kind,
      state: alarm.StateValue ?? 'UNKNOWN',
      ...(since ? { since } : {}),
      reason: alarm.StateReason ?? ''
    }
  ]
}

function describeQuery(query: AlarmQuery): string {
  if (query.kind === 'firing') return 'the alarms in ALARM'
  if (query.kind === 'prefix') return `the alarms named '${query.prefix}*'`
  const [first] = query.names
  return query.names.length === 1 ? `alarm '${first}'` : `${query.names.length} alarms by name`
}

function describeFailure(error: unknown, query: AlarmQuery, signal?: AbortSignal): Error {
  throwIfSetupProblem(error, 'aws-region')
  const code = awsErrorCode(error)
  const hint =
    code === 'AccessDenied' || code === 'AccessDeniedException'
      ? " The workflow's role needs cloudwatch:DescribeAlarms (add it to the role's policy; see the README's IAM section)."
      : ''
  return new ActionError(
    `Reading ${describeQuery(query)} (DescribeAlarms) failed: ${awsErrorText(error, signal)}.${hint}`,
    { cause: error }
  )
}
