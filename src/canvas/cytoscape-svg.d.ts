// Types for cytoscape-svg, which ships none: it registers cy.svg({ full, scale, bg }) returning SVG text.
declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape';
  const register: cytoscape.Ext;
  export default register;
}
