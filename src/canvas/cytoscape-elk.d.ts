// Type declaration for cytoscape-elk, which ships none: a Cytoscape extension registering the 'elk' layout.
declare module 'cytoscape-elk' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}
