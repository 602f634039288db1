package io.keepline.ingest.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * Names the API and its bearer-key security scheme in the OpenAPI description at
 * {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Keepline ingest", version = "v1",
		description = "Operator integrations publish line lifecycle events: JSON batches or CSV imports."))
@SecurityScheme(name = "operatorKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "The operator's API key")
class OpenApiConfiguration {

}
