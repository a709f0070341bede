import { corpusDashboardWidgets, corpusWidgets } from '../../__fixtures__/corpus.js'
import { InputError } from '../../src/domain/errors.js'
import { parseGraphs } from '../../src/domain/widgets.js'
import { readDocument } from '../../src/inputs/document.js'

/** The graphs of a widgets text, as the inputs read it. */
const graphsOf = (text: string, input: string) => parseGraphs(readDocument(text, input), input)

const cpu = { metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-0123']], title: 'CPU' }

describe('parseGraphs: the forms a graph can take', () => {
  test('a single metric widget object (JSON)', async () => {
    const graphs = await graphsOf(JSON.stringify(cpu), 'widgets')
    expect(graphs).toEqual([{ position: 1, name: 'CPU', metricWidget: JSON.stringify(cpu) }])
  })

  test('a YAML list; names from name, else title, else graph-N', async () => {
    const yaml = `
- name: Requests
  widget:
    metrics: [[AWS/ApplicationELB, RequestCount]]
    title: ignored for the name
- metrics: [[AWS/EC2, CPUUtilization]]
  title: '  CPU  '
- metrics: [[AWS/Lambda, Errors]]
`
    const graphs = await graphsOf(yaml, 'widgets')
    expect(graphs.map(g => g.name)).toEqual(['Requests', 'CPU', 'graph-3'])
    expect(JSON.parse(graphs[0]!.metricWidget)).toEqual({
      metrics: [['AWS/ApplicationELB', 'RequestCount']],
      title: 'ignored for the name'
    })
  })

  test('a widget given as a JSON string is sent as that very string', async () => {
    const text = '{ "metrics": [["AWS/EC2","CPUUtilization"]],   "title":"Spaces kept" }'
    const graphs = await graphsOf(JSON.stringify([{ name: 'S', widget: text }]), 'widgets')
    expect(graphs[0]!.metricWidget).toBe(text)
  })

  test('a dashboard widget is unwrapped to its properties', async () => {
    const dashboardWidget = { type: 'metric', x: 0, y: 0, width: 12, height: 6, properties: cpu }
    const graphs = await graphsOf(JSON.stringify([dashboardWidget]), 'widgets')
    expect(JSON.parse(graphs[0]!.metricWidget)).toEqual(cpu)
  })

  test('a widget with only an alarm annotation is a graph', async () => {
    const alarmOnly = {
      annotations: { alarms: ['arn:aws:cloudwatch:eu-west-2:123456789012:alarm:x'] }
    }
    expect(await graphsOf(JSON.stringify(alarmOnly), 'widgets')).toHaveLength(1)
  })

  test('dynamic labels and shorthand rows are not touched', async () => {
    const widget = {
      metrics: [
        ['AWS/SQS', 'NumberOfMessagesSent', 'QueueName', 'q', { label: 'avg: ${AVG}' }],
        ['...', { stat: 'p99' }]
      ],
      region: 'eu-west-1'
    }
    const text = JSON.stringify(widget)
    expect((await graphsOf(text, 'widgets'))[0]!.metricWidget).toBe(text)
  })
})

describe('parseGraphs: the real corpus reaches CloudWatch as written', () => {
  test.each(corpusWidgets().map(w => [w.file, w.text]))('%s', async (_file, text) => {
    const graphs = await graphsOf(text, 'widgets-file')
    expect(graphs).toHaveLength(1)
    // Same keys, same order, same values: what CloudWatch gets is what the file says.
    expect(graphs[0]!.metricWidget).toBe(JSON.stringify(JSON.parse(text)))
  })

  test('every metric widget of every dashboard, as dashboard widgets, in order', async () => {
    const metricWidgets = corpusDashboardWidgets().filter(w => w.type === 'metric')
    expect(metricWidgets.length).toBe(127)
    const graphs = await graphsOf(JSON.stringify(metricWidgets), 'widgets')
    expect(graphs.map(g => g.metricWidget)).toEqual(
      metricWidgets.map(w => JSON.stringify(w.properties))
    )
  })
})

describe('parseGraphs: bad input names the input and the item', () => {
  test.each([
    ['', /is empty/],
    ['[]', /empty list/],
    ['{ metrics: [', /not valid YAML or JSON/],
    ['42', /item 1 is a number/],
    ['["just a string"]', /item 1 is the string/],
    ['[{ "title": "no metrics" }]', /item 1 has no 'metrics' and no alarm annotation/],
    ['[{ "metrics": [] }]', /no 'metrics'/],
    ['[{ "metrics": "AWS/EC2" }]', /'metrics' must be a list/],
    ['[{ "metrics": [["a","b"]], "width": 2001 }]', /'width' is 2001; .*1 to 2000/],
    ['[{ "metrics": [["a","b"]], "height": 0 }]', /'height' is 0/],
    ['[{ "metrics": [["a","b"]], "width": 600.5 }]', /'width' is 600.5/],
    ['[{ "metrics": [["a","b"]], "height": "400" }]', /'height' is "400"/],
    ['[{ "name": "N", "widget": "{not json" }]', /item 1 \('N'\): 'widget' is not valid JSON/],
    ['[{ "name": "", "widget": {} }]', /'name' must be a non-empty string/],
    ['[{ "widget": [1] }]', /the widget is a list/],
    ['[{ "name": "CPU", "metrics": [["a", "b"]] }]', /has 'name' but no 'widget'/],
    ['[{ "type": "text", "properties": { "markdown": "# hi" } }]', /'text' dashboard widget/],
    ['[{"metrics": [["a","b"]]}, {"metrics": [["a","b"]], "width": -1}]', /item 2/]
  ])('%j', async (text, message) => {
    let error: unknown
    try {
      await graphsOf(text, 'widgets')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('widgets')
    expect((error as Error).message).toMatch(/^Input 'widgets'/)
    expect((error as Error).message).toMatch(message)
  })
})

describe('parseGraphs: what CloudWatch would refuse, refused first', () => {
  test('a widget over 100 KiB as JSON', () => {
    const big = { ...cpu, title: 'x'.repeat(101 * 1024) }
    expect(() => parseGraphs([big], 'widgets')).toThrow(/item 1 \('x+'\)?.*100 KiB|100 KiB/)
  })

  test('a widget nested deeper than any real one, without overflowing the stack', () => {
    let deep: unknown = []
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(() => parseGraphs([{ ...cpu, extra: deep }], 'widgets')).toThrow(
      /^Input 'widgets': item 1.*nested more than 32 levels deep/
    )
  })

  test('the deepest widget of the corpus passes', () => {
    const nested = { ...cpu, annotations: { horizontal: [{ value: 1, label: 'a' }] } }
    expect(parseGraphs([nested], 'widgets')).toHaveLength(1)
  })
})
