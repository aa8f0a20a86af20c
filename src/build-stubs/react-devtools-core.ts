// Stands in for the optional react-devtools-core import that Ink never uses in production.
export default {initialize() {}, connectToDevTools() {}};
