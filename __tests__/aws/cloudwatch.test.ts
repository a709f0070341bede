// CloudWatch as the action uses it: a graph's PNG, a dashboard's body, and CloudWatch's refusals
// turned into a sentence that names the graph or dashboard and what to check.
import {
  CloudWatchClient,
  CloudWatchServiceException,
  DashboardNotFoundError,
  GetDashboardCommand,
  GetMetricWidgetImageCommand
} from '@aws-sdk/client-cloudwatch'
import { mockClient } from 'aws-sdk-client-mock'
import { createCloudWatchClient } from '../../src/aws/clients.js'
import { planBudget } from '../../src/domain/deadline.js'
import { fetchGraphImage, readDashboard } from '../../src/aws/cloudwatch.js'
import { ActionError, SetupError } from '../../src/domain/errors.js'
import { type AwsStandIn, startAwsStandIn } from '../../test-support/aws-stand-in.js'

/** The budget of a run with the default timeout (10 minutes). */
const BUDGET = planBudget(600)

const widget = '{"metrics":[["AWS/EC2","CPUUtilization"]],"width":600,  "height":400}'
const graph = { position: 2, name: 'CPU', metricWidget: widget }
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])

/** What the SDK throws for a service's error answer. */
function serviceError(name: string, message: string, Code?: string): CloudWatchServiceException {
  const error = new CloudWatchServiceException({ name, $fault: 'client', $metadata: {}, message })
  return Code === undefined ? error : Object.assign(error, { Code })
}

describe('fetchGraphImage', () => {
  const client = new CloudWatchClient({ region: 'eu-west-2' })
  const cloudwatch = mockClient(client)
  beforeEach(() => cloudwatch.reset())

  test('sends the widget exactly as given, asks for PNG, returns the bytes as they came', async () => {
    cloudwatch.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: png })
    await expect(fetchGraphImage(client, graph)).resolves.toEqual(png)
    expect(cloudwatch.commandCalls(GetMetricWidgetImageCommand)[0]?.args[0].input).toEqual({
      MetricWidget: widget,
      OutputFormat: 'png'
    })
  })

  test("a refusal names the graph by number and name, with CloudWatch's code and words", async () => {
    const refusal = serviceError(
      'InvalidParameterInput',
      'The field MetricWidget must be a valid JSON object'
    )
    cloudwatch.on(GetMetricWidgetImageCommand).rejects(refusal)
    const error = await fetchGraphImage(client, graph).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toBe(
      "CloudWatch could not render graph 2 ('CPU'): InvalidParameterInput: The field MetricWidget must be a valid JSON object"
    )
    expect((error as Error).cause).toBe(refusal)
  })

  test('throttling that outlasted the retries says so', async () => {
    cloudwatch
      .on(GetMetricWidgetImageCommand)
      .rejects(serviceError('ThrottlingException', 'Rate exceeded', 'Throttling'))
    await expect(fetchGraphImage(client, graph)).rejects.toThrow(
      "CloudWatch could not render graph 2 ('CPU'): Throttling: Rate exceeded"
    )
  })

  test("the run's work signal goes with the call; once it fires, the graph says why", async () => {
    const work = new AbortController()
    cloudwatch.on(GetMetricWidgetImageCommand).callsFake(async () => {
      work.abort(new Error('not done in time'))
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' })
    })
    const error = await fetchGraphImage(client, graph, work.signal).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      "CloudWatch could not render graph 2 ('CPU'): not done in time"
    )
    expect((cloudwatch.call(0).args as unknown[])[1]).toEqual({ abortSignal: work.signal })
  })

  test('no AWS credentials at all: a SetupError that says what the step needs, not per graph', async () => {
    cloudwatch.on(GetMetricWidgetImageCommand).rejects(
      Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError'
      })
    )
    const error = (await fetchGraphImage(client, graph).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(SetupError)
    expect(error.message).toMatch(/^No AWS credentials: this step needs/)
  })

  test('an answer without an image, or an empty one, is an error, not an empty PNG', async () => {
    cloudwatch
      .on(GetMetricWidgetImageCommand)
      .resolvesOnce({})
      .resolvesOnce({
        MetricWidgetImage: new Uint8Array(0)
      })
    for (let i = 0; i < 2; i++) {
      await expect(fetchGraphImage(client, graph)).rejects.toThrow(
        "CloudWatch returned no image for graph 2 ('CPU')"
      )
    }
  })
})

describe('readDashboard', () => {
  const client = new CloudWatchClient({ region: 'eu-west-2' })
  const cloudwatch = mockClient(client)
  beforeEach(() => cloudwatch.reset())

  test("the dashboard's body as saved; none at all reads as an empty object", async () => {
    cloudwatch
      .on(GetDashboardCommand, { DashboardName: 'ops' })
      .resolves({ DashboardBody: '{"widgets":[]}' })
      .on(GetDashboardCommand, { DashboardName: 'empty' })
      .resolves({})
    await expect(readDashboard(client, 'ops')).resolves.toBe('{"widgets":[]}')
    await expect(readDashboard(client, 'empty')).resolves.toBe('{}')
  })

  test.each<[string, Error, string]>([
    [
      'not found (wire code)',
      serviceError('DashboardNotFoundError', 'Dashboard ops does not exist', 'ResourceNotFound'),
      "Reading dashboard 'ops' failed: ResourceNotFound: Dashboard ops does not exist. No dashboard of that name in the account of the workflow's credentials: check the name (case matters) and the account. Dashboards are global, so aws-region does not matter."
    ],
    [
      'not found (class name)',
      new DashboardNotFoundError({ $metadata: {}, message: 'Dashboard ops does not exist' }),
      "Reading dashboard 'ops' failed: DashboardNotFoundError: Dashboard ops does not exist. No dashboard of that name in the account of the workflow's credentials: check the name (case matters) and the account. Dashboards are global, so aws-region does not matter."
    ],
    [
      'access denied',
      serviceError('AccessDenied', 'User is not authorized to perform: cloudwatch:GetDashboard'),
      "Reading dashboard 'ops' failed: AccessDenied: User is not authorized to perform: cloudwatch:GetDashboard. The workflow's role needs cloudwatch:GetDashboard."
    ],
    [
      'access denied (JSON protocol name)',
      serviceError('AccessDeniedException', 'not authorized'),
      "Reading dashboard 'ops' failed: AccessDeniedException: not authorized. The workflow's role needs cloudwatch:GetDashboard."
    ],
    [
      'anything else: no hint',
      serviceError('InternalFailure', 'try again'),
      "Reading dashboard 'ops' failed: InternalFailure: try again."
    ]
  ])('%s', async (_case, refusal, message) => {
    cloudwatch.on(GetDashboardCommand).rejects(refusal)
    const error = await readDashboard(client, 'ops').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toBe(message)
    expect((error as Error).cause).toBe(refusal)
  })
})

describe('over the wire, with the client the action makes', () => {
  let aws: AwsStandIn
  const saved = { ...process.env }
  beforeAll(async () => {
    aws = await startAwsStandIn({ dashboards: { ops: '{"widgets":[]}' } })
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_ENDPOINT_URL_CLOUDWATCH: aws.endpoint
    })
    delete process.env.AWS_SESSION_TOKEN
  })
  afterAll(async () => {
    process.env = saved
    await aws.close()
  })

  test('CloudWatch receives the widget byte for byte; the PNG comes back byte for byte', async () => {
    const client = createCloudWatchClient('us-east-1', BUDGET)
    const image = await fetchGraphImage(client, graph)
    expect(aws.cloudwatchRequests).toHaveLength(1)
    expect(aws.cloudwatchRequests[0]?.widget).toBe(widget)
    expect(aws.cloudwatchRequests[0]?.outputFormat).toBe('png')
    expect(Buffer.from(image)).toEqual(aws.cloudwatchRequests[0]?.image)
  })

  test("a dashboard that does not exist: CloudWatch's own answer gets the hint", async () => {
    const client = createCloudWatchClient('us-east-1', BUDGET)
    await expect(readDashboard(client, 'opps')).rejects.toThrow(
      "Reading dashboard 'opps' failed: ResourceNotFound: Dashboard opps does not exist. No dashboard of that name in the account of the workflow's credentials: check the name (case matters) and the account. Dashboards are global, so aws-region does not matter."
    )
    await expect(readDashboard(client, 'ops')).resolves.toBe('{"widgets":[]}')
  })
})
