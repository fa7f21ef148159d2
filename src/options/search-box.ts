/** The library's Search box: where the focus goes when the control that held it went and nothing took its place. */
export const SEARCH_BOX = '.filter-bar__search';
