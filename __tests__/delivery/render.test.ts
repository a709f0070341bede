// The render stage both deliveries share: graphs fetched from CloudWatch at most max-concurrency at
// once, in graph order, each handed to the delivery the moment it arrives. Every fetch and every
// hand-off here is a promise the test settles by hand, so what runs when is exact, not timed.
import { MAX_WAITING, renderGraphs } from '../../src/delivery/render.js'
import type { Delivery, GraphSource } from '../../src/delivery/delivery.js'
import { SetupError } from '../../src/domain/errors.js'
import { ProxyError } from '../../src/domain/network-errors.js'
import { parseProxyUrl } from '../../src/domain/proxy.js'
import type { GraphOutcome, RunReport } from '../../src/domain/report.js'
import type { Graph } from '../../src/domain/widgets.js'
import { type Deferred, deferred, flush } from '../../test-support/deferred.js'

const graphs = (count: number): Graph[] =>
  Array.from({ length: count }, (_, i) => ({
    position: i + 1,
    name: `graph ${i + 1}`,
    metricWidget: JSON.stringify({ metrics: [['AWS/EC2', 'CPUUtilization']], title: `${i + 1}` })
  }))

const png = (position: number) => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, position)

/** CloudWatch, held by hand: each graph's fetch waits until the test answers it. */
class HeldSource implements GraphSource {
  readonly started: number[] = []
  private readonly answers = new Map<number, Deferred<Uint8Array>>()
  private inFlight = 0
  peak = 0

  /** `events`: a log shared with the delivery, to see the order of both. */
  constructor(private readonly events: string[] = []) {}

  fetchImage(graph: Graph): Promise<Uint8Array> {
    this.started.push(graph.position)
    this.events.push(`fetch ${graph.position}`)
    this.inFlight += 1
    this.peak = Math.max(this.peak, this.inFlight)
    return this.answer(graph.position).promise.finally(() => (this.inFlight -= 1))
  }

  readDashboard(): Promise<string> {
    throw new Error('not used by the render stage')
  }

  readAlarms(): Promise<never> {
    throw new Error('not used by the render stage')
  }

  answer(position: number): Deferred<Uint8Array> {
    const found = this.answers.get(position) ?? deferred<Uint8Array>()
    this.answers.set(position, found)
    return found
  }

  render(position: number): void {
    this.answer(position).resolve(png(position))
  }
}

/** A delivery whose accept of each graph the test settles by hand (or at once, when told). */
class HeldDelivery implements Delivery {
  readonly stop = new AbortController()
  readonly events: string[] = []
  readonly accepted: { graph: Graph; image: Uint8Array }[] = []
  private readonly answers = new Map<number, Deferred<GraphOutcome>>()

  constructor(private readonly acceptAtOnce = false) {}

  begin(given: readonly Graph[]): AbortSignal {
    this.events.push(`begin ${given.map(graph => graph.position).join(',')}`)
    return this.stop.signal
  }

  accept(graph: Graph, image: Uint8Array): Promise<GraphOutcome> {
    this.accepted.push({ graph, image })
    const outcome = { graph, bytes: image.length, url: `https://example.test/${graph.position}` }
    if (this.acceptAtOnce) return Promise.resolve(outcome)
    const held = this.answer(graph.position)
    return held.promise.then(() => outcome)
  }

  finish(): Promise<RunReport> {
    throw new Error('not called by the render stage')
  }

  answer(position: number): Deferred<GraphOutcome> {
    const found = this.answers.get(position) ?? deferred<GraphOutcome>()
    this.answers.set(position, found)
    return found
  }

  take(position: number): void {
    this.answer(position).resolve({ graph: graphs(position)[position - 1] as Graph })
  }

  get pending(): number[] {
    return this.accepted.map(({ graph }) => graph.position)
  }
}

describe('renderGraphs', () => {
  test('the delivery begins with every graph before the first fetch', async () => {
    const delivery = new HeldDelivery(true)
    const source = new HeldSource(delivery.events)
    const run = renderGraphs(graphs(3), source, delivery, 2)
    for (const position of [1, 2, 3]) source.render(position)
    await run
    expect(delivery.events).toEqual(['begin 1,2,3', 'fetch 1', 'fetch 2', 'fetch 3'])
  })

  test('at most max-concurrency fetches at once, started in graph order', async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery(true)
    const run = renderGraphs(graphs(7), source, delivery, 3)
    await flush()
    expect(source.started).toEqual([1, 2, 3])

    // A slot frees when a fetch ends, whichever it is; the next graph in order takes it.
    source.render(2)
    await flush()
    expect(source.started).toEqual([1, 2, 3, 4])
    source.render(3)
    source.render(1)
    await flush()
    expect(source.started).toEqual([1, 2, 3, 4, 5, 6])
    for (const position of [4, 5, 6, 7]) source.render(position)
    await run
    expect(source.started).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(source.peak).toBe(3)
  })

  test("a graph's hand-off to the delivery does not hold a fetch slot", async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery()
    const run = renderGraphs(graphs(5), source, delivery, 3)
    await flush()
    source.render(1)
    await flush()
    // Graph 1 is with the delivery (its accept is pending) and graph 4 is already fetching.
    expect(delivery.pending).toEqual([1])
    expect(source.started).toEqual([1, 2, 3, 4])
    for (const position of [2, 3, 4, 5]) source.render(position)
    for (const position of [1, 2, 3, 4, 5]) delivery.take(position)
    await run
  })

  test('the delivery gets each graph with its own image, as soon as it arrives', async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery(true)
    const run = renderGraphs(graphs(3), source, delivery, 3)
    await flush()
    source.render(3)
    await flush()
    expect(delivery.pending).toEqual([3])
    source.render(1)
    source.render(2)
    await run
    expect(delivery.accepted.map(({ graph, image }) => [graph.position, image[4]])).toEqual([
      [3, 3],
      [1, 1],
      [2, 2]
    ])
  })

  test(`while the delivery takes none, fetching stops at max-concurrency + ${MAX_WAITING} graphs held`, async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery()
    const total = 2 + MAX_WAITING + 5
    const run = renderGraphs(graphs(total), source, delivery, 2)
    for (let position = 1; position <= total; position++) {
      await flush()
      source.render(position) // CloudWatch answers every fetch as soon as it is asked
    }
    await flush()
    expect(source.started).toHaveLength(2 + MAX_WAITING)
    expect(delivery.pending).toHaveLength(2 + MAX_WAITING)

    // Each graph the delivery takes lets one more be fetched.
    delivery.take(1)
    await flush()
    await flush()
    expect(source.started).toHaveLength(2 + MAX_WAITING + 1)
    expect(source.started.at(-1)).toBe(2 + MAX_WAITING + 1)

    for (let position = 1; position <= total; position++) delivery.take(position)
    const outcomes = await run
    expect(outcomes.map(outcome => outcome.graph.position)).toEqual(
      graphs(total).map(graph => graph.position)
    )
  })

  test("a fetch that fails is that graph's failure, with CloudWatch's words; the others go on", async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery(true)
    const all = graphs(4)
    const run = renderGraphs(all, source, delivery, 2)
    await flush()
    source
      .answer(2)
      .reject(
        new Error("CloudWatch could not render graph 2 ('graph 2'): ValidationError: bad metric")
      )
    for (const position of [1, 3, 4]) source.render(position)
    const outcomes = await run
    expect(outcomes).toEqual([
      { graph: all[0], bytes: 5, url: 'https://example.test/1' },
      {
        graph: all[1],
        failure: "CloudWatch could not render graph 2 ('graph 2'): ValidationError: bad metric"
      },
      { graph: all[2], bytes: 5, url: 'https://example.test/3' },
      { graph: all[3], bytes: 5, url: 'https://example.test/4' }
    ])
    expect(delivery.pending).toEqual([1, 3, 4])
  })

  test('a failure that is not an Error is described as text', async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery(true)
    const run = renderGraphs(graphs(1), source, delivery, 1)
    await flush()
    source.answer(1).reject('socket hang up')
    expect(await run).toEqual([{ graph: graphs(1)[0], failure: 'socket hang up' }])
  })

  test('once the delivery aborts, no further fetch starts and the run rejects with its reason', async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery(true)
    const run = renderGraphs(graphs(4), source, delivery, 2)
    const outcome = run.then(
      () => 'resolved',
      (error: unknown) => error
    )
    await flush()
    expect(source.started).toEqual([1, 2])

    const reason = new Error("SSM has no value for '/graphs/signer/access-key-id'")
    delivery.stop.abort(reason)
    // The fetch in flight fails afterwards: the run still ends with the delivery's reason.
    source.answer(1).reject(new Error('CloudWatch could not render graph 1: Throttling'))
    source.render(2)
    expect(await outcome).toBe(reason)
    await flush()
    await flush()
    expect(source.started).toEqual([1, 2])
  })

  test('a setup no graph can get past (no credentials) ends the run, said once', async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery(true)
    const run = renderGraphs(graphs(4), source, delivery, 2)
    const outcome = run.then(
      () => 'resolved',
      (error: unknown) => error
    )
    await flush()
    const setup = new SetupError('No AWS credentials: this step needs them')
    source.answer(2).reject(setup)
    await flush()
    // Like a refusing proxy: no further fetch starts, and a graph that arrives goes nowhere.
    source.render(1)
    expect(await outcome).toBe(setup)
    await flush()
    expect(source.started).toEqual([1, 2])
    expect(delivery.pending).toEqual([])
  })

  test('a refusing proxy ends the run at once: no further fetch, no graph handed over after it', async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery(true)
    const run = renderGraphs(graphs(4), source, delivery, 2)
    const outcome = run.then(
      () => 'resolved',
      (error: unknown) => error
    )
    await flush()
    const refusal = new ProxyError(parseProxyUrl('http://proxy.corp:3128', 'HTTPS_PROXY'), {
      kind: 'status',
      status: 407,
      target: 'monitoring.us-east-1.amazonaws.com:443'
    })
    // As CloudWatch's adapter wraps it: the refusal is the cause.
    source.answer(1).reject(new Error('CloudWatch could not render graph 1', { cause: refusal }))
    await flush()
    // A graph that arrives after the refusal goes nowhere.
    source.render(2)
    expect(await outcome).toBe(refusal)
    await flush()
    expect(source.started).toEqual([1, 2])
    expect(delivery.pending).toEqual([])
  })

  test('once the delivery rejects a graph (the run ends), no other graph is handed over', async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery()
    const run = renderGraphs(graphs(3), source, delivery, 3)
    const outcome = run.then(
      () => 'resolved',
      (error: unknown) => error
    )
    await flush()
    source.render(1)
    await flush()
    const reason = new Error('the signer failed')
    delivery.answer(1).reject(reason)
    await flush()
    source.render(2)
    source.render(3)
    expect(await outcome).toBe(reason)
    await flush()
    expect(delivery.pending).toEqual([1])
  })

  test('results are in graph order, whatever order the fetches end in', async () => {
    const source = new HeldSource()
    const delivery = new HeldDelivery(true)
    const run = renderGraphs(graphs(5), source, delivery, 5)
    await flush()
    for (const position of [5, 3, 1, 4, 2]) {
      source.render(position)
      await flush()
    }
    expect(delivery.pending).toEqual([5, 3, 1, 4, 2])
    expect((await run).map(outcome => outcome.graph.position)).toEqual([1, 2, 3, 4, 5])
  })
})
