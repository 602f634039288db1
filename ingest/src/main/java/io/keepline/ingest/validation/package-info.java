/**
 * Field-by-field validation of the wire format with one reason code per problem
 * ({@link io.keepline.ingest.validation.Reasons}): the types, fields and nesting come
 * from contracts' records ({@code WireSchema}), ingest adds its own rules
 * ({@code FieldRules}); plain Java, no Spring.
 */
package io.keepline.ingest.validation;
