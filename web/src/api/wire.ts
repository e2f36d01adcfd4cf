/**
 * The types a zod schema of the core describes, without making zod a dependency of the web apps:
 * what the server sends (z.output) and what a request may carry (z.input, defaults optional).
 */
export type Wire<S> = S extends { _zod: { output: infer O } } ? O : never;
export type WireInput<S> = S extends { _zod: { input: infer I } } ? I : never;
