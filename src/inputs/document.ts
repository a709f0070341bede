// The widgets text as data: JSON (the console's "Source" view) or YAML.
import { parse as parseYaml } from 'yaml'
import { InputError, describeError } from '../domain/errors.js'

export function readDocument(text: string, input: string): unknown {
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

function readYaml(text: string, input: string): unknown {
  try {
    return parseYaml(text)
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
