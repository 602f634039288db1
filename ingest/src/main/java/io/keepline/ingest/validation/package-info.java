/**
 * Field-by-field validation of the wire format with one reason code per problem
 * ({@link io.keepline.ingest.validation.Reasons}); plain Java, no Spring.
 */
package io.keepline.ingest.validation;
