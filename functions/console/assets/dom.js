// Building the page from data without ever parsing data as HTML: every value becomes a text node
// or an attribute value set through the DOM, so "<img src=x onerror=...>" in a reason stays text.

/** An element with attributes and children; strings and numbers become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'href' && !String(value).startsWith('#')) {
      throw new Error('only in-page links are built from data');
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of {@code node}. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** A definition list of [term, value] pairs; a value may be a node. */
export function facts(pairs) {
  return el('dl', { class: 'facts' },
    pairs.filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}
