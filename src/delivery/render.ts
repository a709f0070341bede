// The render stage both deliveries share: every graph fetched from CloudWatch, at most
// max-concurrency at once (CloudWatch's quota is per account), and handed to the delivery the
// moment it arrives, so a graph's upload never holds a fetch slot. A graph that fails to render is
// recorded with its cause and the others go on.
import { Limiter } from '../domain/concurrency.js'
import { SetupError, describeError } from '../domain/errors.js'
import type { GraphOutcome } from '../domain/report.js'
import type { Graph } from '../domain/widgets.js'
import type { Delivery, GraphSource } from './delivery.js'

/**
 * Graphs rendered but not yet taken by the delivery, beyond those being fetched. While a delivery
 * cannot take them yet (the signer is still being read, S3 is slow), fetching stops there instead
 * of rendering, and holding, every graph.
 */
export const MAX_WAITING = 20

export async function renderGraphs(
  graphs: readonly Graph[],
  source: GraphSource,
  delivery: Delivery,
  maxConcurrency: number
): Promise<GraphOutcome[]> {
  const stopped = delivery.begin(graphs)
  const fetches = new Limiter(maxConcurrency)
  const held = new Limiter(maxConcurrency + MAX_WAITING)

  async function render(graph: Graph): Promise<GraphOutcome> {
    let image: Uint8Array
    try {
      image = await fetches.run(async () => {
        stopped.throwIfAborted()
        return source.fetchImage(graph)
      })
    } catch (error) {
      // Once the delivery has given up, the run ends with its reason, not this graph's; a setup
      // that no graph can get past (no credentials, no such region) ends it too, said once.
      stopped.throwIfAborted()
      if (error instanceof SetupError) throw error
      return { graph, failure: describeError(error) }
    }
    return delivery.accept(graph, image)
  }

  return Promise.all(graphs.map(graph => held.run(() => render(graph))))
}
