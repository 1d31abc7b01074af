package org.capledger.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Relaxes the Content-Security-Policy for the Swagger UI pages only, which run their own scripts and styles. */
class SwaggerUiCspFilter extends OncePerRequestFilter {

    private final String policy;

    SwaggerUiCspFilter(String policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/swagger-ui")) {
            response.setHeader("Content-Security-Policy", policy);
        }
        chain.doFilter(request, response);
    }
}
