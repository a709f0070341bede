// The action's entry point: everything happens in run(), which reports failure itself.
import { run } from './main.js'

await run()
