// ts-jest wants name/version/factory from an AST transformer; this wraps the Swagger CLI plugin
// so that tests see the same OpenAPI metadata as `nest build`.
const plugin = require('@nestjs/swagger/plugin');
const options = require('../../nest-cli.json').compilerOptions.plugins.find(
  (p) => p.name === '@nestjs/swagger',
).options;

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (cs) => plugin.before(options, cs.program);
