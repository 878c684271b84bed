// Some ES modules declare `const require = createRequire(import.meta.url)`. Once Babel turns
// them into CommonJS, that binding would shadow the real `require` its own import calls use;
// renaming the module's binding keeps both.
module.exports = () => ({
  visitor: {
    Program(path) {
      if (path.scope.hasOwnBinding('require')) path.scope.rename('require', '__esmRequire');
    },
  },
});
