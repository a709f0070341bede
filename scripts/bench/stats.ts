// Small numeric helpers for the benchmark: medians of repeated runs, rounding for display.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Rounded to `digits` decimals, as a number (for JSON). */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** The index of the value closest to the median (the run to show when one run stands for all). */
export function medianIndex(values: readonly number[]): number {
  const middle = median(values)
  let best = 0
  values.forEach((value, i) => {
    if (Math.abs(value - middle) < Math.abs((values[best] as number) - middle)) best = i
  })
  return best
}

export function kib(bytes: number): number {
  return round(bytes / 1024, 1)
}
