package org.capledger.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.capledger.platform.web.RequestBodyLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP security of every deployable: stateless bearer-token authentication, everything authenticated except
 * health probes, the API description and Swagger UI (when on), login/refresh, accepting an invitation and (when on)
 * self-signup; the other actuator endpoints for platform administrators only; problem responses for 401 and 403;
 * CORS only for the configured origins; security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
public class SecurityConfiguration {

    /** Swagger UI needs scripts and styles of its own; every other response may load nothing at all. */
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    private static final String UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    /** A private key only where an {@link AccessTokenSigning} bean says this deployable signs tokens. */
    @Bean
    JwtKeys jwtKeys(SecurityProperties properties, Environment environment,
                    ObjectProvider<AccessTokenSigning> signing) {
        return JwtKeys.load(properties.jwt(), environment.acceptsProfiles(Profiles.of("prod")),
                signing.getIfAvailable() != null);
    }

    @Bean
    RateLimits rateLimits() {
        return new RateLimits();
    }

    @Bean
    AccountDirectory accountDirectory(JdbcTemplate jdbc) {
        return new AccountDirectory(jdbc);
    }

    @Bean
    AccessTokenDenylist accessTokenDenylist(JdbcTemplate jdbc) {
        return new AccessTokenDenylist(jdbc);
    }

    @Bean
    AccessTokens accessTokens(JwtKeys keys, SecurityProperties properties, AccessTokenDenylist denylist,
                              Clock clock) {
        return new AccessTokens(keys, properties, denylist, clock);
    }

    @Bean
    ProblemAuthenticationHandlers problemAuthenticationHandlers(JsonMapper json) {
        return new ProblemAuthenticationHandlers(json);
    }

    @Bean
    SecurityFilterChain capledgerSecurity(HttpSecurity http, AccessTokens tokens, ProblemAuthenticationHandlers problems,
                                          SecurityProperties properties, RateLimits limits,
                                          RateLimitProperties limitSettings,
                                          @Value("${capledger.max-request-body:1MB}") DataSize maxBody,
                                          @Value("${capledger.ocf.import.max-size:100MB}") DataSize maxImport,
                                          @Value("${capledger.accounts.self-signup:false}") boolean selfSignup,
                                          @Value("${springdoc.api-docs.enabled:true}") boolean apiDocs,
                                          @Value("${springdoc.swagger-ui.enabled:true}") boolean swaggerUi,
                                          AccountDirectory accounts)
            throws Exception {
        // Without self-signup there is no such route, and it must answer as any unknown route does (401 unsigned).
        String[] open = selfSignup
                ? new String[]{"/api/auth/login", "/api/auth/refresh", "/api/invitations/accept", "/api/auth/signup"}
                : new String[]{"/api/auth/login", "/api/auth/refresh", "/api/invitations/accept"};
        // The same for the API description: springdoc serves Swagger UI only with the OpenAPI document on, and
        // switched off, their routes are as unknown (and as closed) as any other.
        boolean ui = apiDocs && swaggerUi;
        List<String> documentation = new ArrayList<>();
        if (apiDocs) {
            documentation.addAll(List.of("/v3/api-docs", "/v3/api-docs/**"));
        }
        if (ui) {
            documentation.addAll(List.of("/swagger-ui.html", "/swagger-ui/**"));
        }
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(cors(properties.corsAllowedOrigins())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.TRACE, "/**").denyAll()
                            .requestMatchers("/actuator/health", "/actuator/health/liveness",
                                    "/actuator/health/readiness").permitAll();
                    if (apiDocs && !ui) {
                        // Swagger UI's own settings, under the document's path, exist only with the UI
                        requests.requestMatchers("/v3/api-docs/swagger-config").authenticated();
                    }
                    if (!documentation.isEmpty()) {
                        requests.requestMatchers(documentation.toArray(String[]::new)).permitAll();
                    }
                    requests.requestMatchers(HttpMethod.POST, open).permitAll()
                            .requestMatchers(HttpMethod.GET, "/api/verify/*").permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers("/actuator", "/actuator/**").hasAuthority(CapledgerPrincipal.PLATFORM_ADMIN)
                            .anyRequest().authenticated();
                })
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems, limits, limitSettings.api(), accounts),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new RequestBodyLimit(maxBody.toBytes(),
                        java.util.Map.of("/api/ocf/imports", maxImport.toBytes()), problems::write), BearerTokenFilter.class);
        if (ui) {
            http.addFilterAfter(new SwaggerUiCspFilter(UI_CSP), AnonymousAuthenticationFilter.class);
        }
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(Arrays.asList("GET", "POST", "PATCH", "PUT", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                    "Capledger-Position", "X-Correlation-Id"));
            config.setExposedHeaders(List.of("ETag", "Location", "Capledger-Position", "X-Correlation-Id",
                    "Retry-After"));
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }
}
