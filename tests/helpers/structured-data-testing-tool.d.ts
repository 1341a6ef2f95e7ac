/** The parts of structured-data-testing-tool (which ships no types) that tests/build uses. */
declare module 'structured-data-testing-tool' {
  const tool: { structuredDataTest(input: string, options: { presets: object[] }): Promise<unknown> };
  export default tool;
}

declare module 'structured-data-testing-tool/presets.js' {
  const presets: { Google: object; Facebook: object; Twitter: object };
  export default presets;
}
