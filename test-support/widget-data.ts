// Synthetic metric data for the CloudWatch stand-in: values in a range that fits the metric (a CPU
// in percent stays within 0-100, a latency in seconds is a fraction of one, a count is whole), the
// same for the same widget and series, different between series.

export type Unit = 'Percent' | 'Seconds' | 'Milliseconds' | 'Count' | 'Bytes' | 'None'

export interface Profile {
  unit: Unit
  base: number
  spread: number
  whole: boolean
}

/** 32-bit FNV-1a: a stable seed from text. */
export function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: a small seeded generator, numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** What a metric's name (or an expression's label) says about its unit and usual values. */
export function profileOf(name: string, stat: string): Profile {
  const n = name.toLowerCase()
  const sum = stat.toLowerCase() === 'sum' || stat.toLowerCase() === 'samplecount'
  if (/percent|utilization|%|rate/.test(n))
    return { unit: 'Percent', base: 35, spread: 25, whole: false }
  if (/responsetime|latency/.test(n))
    return { unit: 'Seconds', base: 0.18, spread: 0.12, whole: false }
  if (/duration/.test(n)) return { unit: 'Milliseconds', base: 220, spread: 150, whole: false }
  if (/bytes|memory|storage|network(in|out)/.test(n)) {
    return { unit: 'Bytes', base: 4e8, spread: 2.5e8, whole: true }
  }
  if (/error|fault|throttle|5xx|4xx|dlq|failed/.test(n)) {
    return { unit: 'Count', base: sum ? 3 : 1, spread: sum ? 3 : 1, whole: sum }
  }
  if (/message|queue|invocation|request|count|connection|item/.test(n)) {
    return { unit: 'Count', base: sum ? 900 : 120, spread: sum ? 600 : 90, whole: true }
  }
  return { unit: 'None', base: 50, spread: 30, whole: false }
}

/**
 * `count` values for one series: a slow wave (the day's rhythm), a random walk and a little noise,
 * kept inside the profile's plausible range (percent within 0-100, nothing below 0).
 */
export function seriesValues(seed: number, count: number, profile: Profile): number[] {
  const next = random(seed)
  const phase = next() * Math.PI * 2
  const cycles = 0.5 + next() * 1.5
  const level = profile.base * (0.6 + next() * 0.8)
  let walk = 0
  const values: number[] = []
  for (let i = 0; i < count; i += 1) {
    walk = walk * 0.9 + (next() - 0.5) * 0.6
    const wave = Math.sin(phase + (i / Math.max(count - 1, 1)) * Math.PI * 2 * cycles)
    const spike = next() > 0.985 ? next() * 0.8 : 0
    let value = level + profile.spread * (0.5 * wave + 0.4 * walk + spike)
    value = Math.max(0, value)
    if (profile.unit === 'Percent') value = Math.min(100, value)
    values.push(profile.whole ? Math.round(value) : value)
  }
  return values
}

/**
 * The profile moved inside the axis's bounds when the widget sets them (a graph set to 0.1-1 shows
 * values between 0.1 and 1, whatever the metric), so no series is drawn wholly off the graph.
 */
export function fitProfile(profile: Profile, min?: number, max?: number): Profile {
  const low = min ?? 0
  if (max === undefined)
    return profile.base < low ? { ...profile, base: low + profile.spread } : profile
  const span = max - low
  if (span <= 0) return { ...profile, base: low, spread: 0, whole: false }
  const inside = profile.base - profile.spread >= low && profile.base + profile.spread <= max
  if (inside) return profile
  return { ...profile, base: low + span / 2, spread: span / 4, whole: profile.whole && span >= 20 }
}

/** Values clamped to the axis's bounds, as the graph's frame clips them. */
export function clamp(values: number[], min?: number, max?: number): number[] {
  return values.map(v => Math.min(max ?? Infinity, Math.max(min ?? -Infinity, v)))
}
