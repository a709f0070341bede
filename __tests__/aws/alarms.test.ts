// DescribeAlarms as the action uses it: every page followed, both kinds of alarm asked for, the
// alarms read into the domain's terms, a refusal that names the permission.
import {
  CloudWatchClient,
  CloudWatchServiceException,
  DescribeAlarmsCommand
} from '@aws-sdk/client-cloudwatch'
import { mockClient } from 'aws-sdk-client-mock'
import { describeAlarms } from '../../src/aws/alarms.js'
import { ActionError, SetupError } from '../../src/domain/errors.js'

const arn = (name: string) => `arn:aws:cloudwatch:eu-west-2:123456789012:alarm:${name}`
const metricAlarm = (name: string) => ({
  AlarmName: name,
  AlarmArn: arn(name),
  StateValue: 'ALARM' as const,
  StateReason: `${name} crossed`,
  StateUpdatedTimestamp: new Date('2026-12-04T08:10:00Z'),
  StateTransitionedTimestamp: new Date('2026-12-04T08:00:00Z')
})

describe('describeAlarms', () => {
  const client = new CloudWatchClient({ region: 'eu-west-2' })
  const cloudwatch = mockClient(client)
  beforeEach(() => cloudwatch.reset())

  test('firing: StateValue ALARM, both alarm types, pages of 100 followed to the end', async () => {
    cloudwatch
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [metricAlarm('a')], NextToken: 't1' })
      .resolvesOnce({
        MetricAlarms: [],
        CompositeAlarms: [
          {
            AlarmName: 'all',
            AlarmArn: arn('all'),
            StateValue: 'ALARM',
            StateReason: 'rule',
            StateUpdatedTimestamp: new Date('2026-12-04T07:00:00Z')
          }
        ],
        NextToken: 't2'
      })
      .resolvesOnce({ MetricAlarms: [metricAlarm('b')] })
    const alarms = await describeAlarms(client, { kind: 'firing' })
    expect(alarms).toEqual([
      {
        name: 'a',
        arn: arn('a'),
        kind: 'metric',
        state: 'ALARM',
        since: new Date('2026-12-04T08:00:00Z'),
        reason: 'a crossed'
      },
      {
        name: 'all',
        arn: arn('all'),
        kind: 'composite',
        state: 'ALARM',
        since: new Date('2026-12-04T07:00:00Z'),
        reason: 'rule'
      },
      expect.objectContaining({ name: 'b', kind: 'metric' })
    ])
    const inputs = cloudwatch.commandCalls(DescribeAlarmsCommand).map(call => call.args[0].input)
    expect(inputs).toEqual([
      { StateValue: 'ALARM', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], MaxRecords: 100 },
      {
        StateValue: 'ALARM',
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
        MaxRecords: 100,
        NextToken: 't1'
      },
      {
        StateValue: 'ALARM',
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
        MaxRecords: 100,
        NextToken: 't2'
      }
    ])
  })

  test('names go in AlarmNames, a prefix in AlarmNamePrefix', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({})
    await describeAlarms(client, { kind: 'names', names: ['a', 'b'] })
    await describeAlarms(client, { kind: 'prefix', prefix: 'prod-' })
    const inputs = cloudwatch.commandCalls(DescribeAlarmsCommand).map(call => call.args[0].input)
    expect(inputs.map(i => [i.AlarmNames, i.AlarmNamePrefix, i.StateValue])).toEqual([
      [['a', 'b'], undefined, undefined],
      [undefined, 'prod-', undefined]
    ])
  })

  test('AccessDenied names the permission the role needs', async () => {
    const refusal = Object.assign(
      new CloudWatchServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: {},
        message:
          'User: arn:aws:sts::123456789012:assumed-role/graphs/run is not authorized to perform: cloudwatch:DescribeAlarms'
      }),
      { Code: 'AccessDenied' }
    )
    cloudwatch.on(DescribeAlarmsCommand).rejects(refusal)
    const error = await describeAlarms(client, { kind: 'firing' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toMatch(
      /^Reading the alarms in ALARM \(DescribeAlarms\) failed: AccessDenied: .*The workflow's role needs cloudwatch:DescribeAlarms/
    )
    expect((error as Error).cause).toBe(refusal)
  })

  test('no credentials is the setup error, said once', async () => {
    cloudwatch
      .on(DescribeAlarmsCommand)
      .rejects(new Error('Could not load credentials from any providers'))
    await expect(describeAlarms(client, { kind: 'prefix', prefix: 'x' })).rejects.toBeInstanceOf(
      SetupError
    )
  })

  test('an alarm without a name or ARN is skipped; no state is UNKNOWN', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [{ AlarmName: 'x' }, { AlarmName: 'y', AlarmArn: arn('y') }]
    })
    await expect(describeAlarms(client, { kind: 'names', names: ['x', 'y'] })).resolves.toEqual([
      { name: 'y', arn: arn('y'), kind: 'metric', state: 'UNKNOWN', reason: '' }
    ])
  })
})
