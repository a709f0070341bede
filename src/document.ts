// The widgets text as data. Most workflows give JSON (the console's "Source" view), which
// JSON.parse reads at once; YAML's parser is a third of the bundle's entry, so it loads only for
// text that is not JSON, and start-up (or a fast failure on bad input) does not pay for it.
import { InputError, describeError } from './errors.js'

export async function readDocument(text: string, input: string): Promise<unknown> {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return readYaml(text, input)
  }
  const twice = repeatedKey(text)
  if (twice !== undefined) {
    // YAML refuses this; JSON.parse would silently keep the last one and drop the other.
    throw new InputError(
      input,
      `has the key ${JSON.stringify(twice)} twice in one object: keep one (JSON readers keep only the last)`
    )
  }
  return document
}

async function readYaml(text: string, input: string): Promise<unknown> {
  const { parse } = await import('yaml')
  try {
    return parse(text)
  } catch (error) {
    throw new InputError(input, `is not valid YAML or JSON: ${firstLine(describeError(error))}`)
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])

/** The first key that appears twice in one object of a valid JSON text, if any. */
export function repeatedKey(json: string): string | undefined {
  // One entry per open object (its keys so far) or array (undefined).
  const open: (Set<string> | undefined)[] = []
  for (let i = 0; i < json.length; i++) {
    const char = json[i]
    if (char === '{') open.push(new Set())
    else if (char === '[') open.push(undefined)
    else if (char === '}' || char === ']') open.pop()
    else if (char === '"') {
      let end = i + 1
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1
      let next = end + 1
      while (WHITESPACE.has(json[next] ?? '')) next++
      const keys = open[open.length - 1]
      if (keys && json[next] === ':') {
        const key = JSON.parse(json.slice(i, end + 1)) as string
        if (keys.has(key)) return key
        keys.add(key)
      }
      i = end
    }
  }
  return undefined
}
