import cytoscape from 'cytoscape';
const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { shape: 'blob', width: 'wide' } }] as never, elements: [{ data: { id: 'a' } }] });
console.log('shape', cy.getElementById('a').style('shape'));
