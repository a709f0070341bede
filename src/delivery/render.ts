// The render stage both deliveries share: every graph fetched from CloudWatch, at most
// max-concurrency at once (CloudWatch's quota is per account), and handed to the delivery the
// moment it arrives, so a graph's upload never holds a fetch slot. A graph that fails to render is
// recorded with its cause and the others go on; a proxy that refuses ends the run.
import { Limiter } from '../domain/concurrency.js'
import { SetupError, describeError } from '../domain/errors.js'
import { findProxyError } from '../domain/network-errors.js'
import type { GraphOutcome } from '../domain/report.js'
import type { Graph } from '../domain/widgets.js'
import type { Delivery, GraphSource } from './delivery.js'

/**
 * Graphs rendered but not yet taken by the delivery, beyond those being fetched. While a delivery
 * cannot take them yet (the signer is still being read, S3 is slow), fetching stops there instead
 * of rendering, and holding, every graph. 20 is what the presigned delivery uploads at once
 * (MAX_UPLOADS): a wave that arrives while the last one is still uploading is not held back.
 */
export const MAX_WAITING = 20

export async function renderGraphs(
  graphs: readonly Graph[],
  source: GraphSource,
  delivery: Delivery,
  maxConcurrency: number
): Promise<GraphOutcome[]> {
  // Ends the run from here: a proxy that refused or a setup error (every request meets it, so the
  // next graph would too), or a delivery that rejected. No graph goes on to the delivery after that.
  const halt = new AbortController()
  const stopped = AbortSignal.any([delivery.begin(graphs), halt.signal])
  const fetches = new Limiter(maxConcurrency)
  const held = new Limiter(maxConcurrency + MAX_WAITING)

  async function fetchImage(graph: Graph): Promise<Uint8Array> {
    stopped.throwIfAborted()
    try {
      return await source.fetchImage(graph)
    } catch (error) {
      // Before the slot frees, so the next fetch does not start.
      const fatal = findProxyError(error) ?? (error instanceof SetupError ? error : undefined)
      if (fatal) halt.abort(fatal)
      throw error
    }
  }

  async function render(graph: Graph): Promise<GraphOutcome> {
    let image: Uint8Array
    try {
      image = await fetches.run(() => fetchImage(graph))
    } catch (error) {
      // Once the run has ended, it ends with its reason, not this graph's; a setup that no graph
      // can get past (no credentials, no such region) ends it too, said once.
      stopped.throwIfAborted()
      if (error instanceof SetupError) throw error
      return { graph, failure: describeError(error) }
    }
    stopped.throwIfAborted()
    try {
      return await delivery.accept(graph, image)
    } catch (error) {
      halt.abort(error)
      throw error
    }
  }

  return Promise.all(graphs.map(graph => held.run(() => render(graph))))
}
