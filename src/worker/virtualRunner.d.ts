/** The runner worker bundled into one classic script, as text (see src/sandbox/sandboxPlugin.ts). */
declare module 'virtual:flowplay-runner' {
  const code: string;
  export default code;
}
