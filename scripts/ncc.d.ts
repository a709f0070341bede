// @vercel/ncc ships no types: the part of its API that scripts/bundle.ts uses.
declare module '@vercel/ncc' {
  interface NccOptions {
    license?: string
    transpileOnly?: boolean
    mainFields?: string[]
    quiet?: boolean
    cache?: boolean | string
  }
  interface NccResult {
    code: string
    assets: Record<string, { source: string | Buffer }>
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<NccResult>
}
