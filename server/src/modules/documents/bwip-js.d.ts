/** bwip-js publishes its Node typings under the "node" export condition only, which the Bundler resolution does not read. */
declare module 'bwip-js' {
  const bwipjs: { raw(options: { bcid: string; text: string; [option: string]: unknown }): { sbs: number[] }[] };
  export default bwipjs;
}
