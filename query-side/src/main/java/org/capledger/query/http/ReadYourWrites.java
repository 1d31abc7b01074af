package org.capledger.query.http;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.query.processing.EventProcessors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes: a GET under {@code /api/} carrying {@code Capledger-Position: N} (the value a command
 * answered with) waits until the read models have processed the event at position N, at most
 * {@code capledger.consistency-wait} (default 10 s); if they have not, it answers 503 PROJECTION_LAGGING with
 * {@code Retry-After}. Without the header, queries answer at once from whatever the read models hold.
 */
@Configuration(proxyBeanMethods = false)
public class ReadYourWrites implements WebMvcConfigurer {

    public static final String POSITION_HEADER = "Capledger-Position";

    private final EventProcessors processors;
    private final Duration wait;

    public ReadYourWrites(EventProcessors processors, @Value("${capledger.consistency-wait:10s}") Duration wait) {
        this.processors = processors;
        this.wait = wait;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String header = request.getHeader(POSITION_HEADER);
                if (header == null || !"GET".equals(request.getMethod())) {
                    return true;
                }
                if (!header.strip().matches("-?\\d{1,18}")) {
                    throw new CapledgerException(ErrorCode.INVALID_PARAMETER,
                            POSITION_HEADER + " must be the number a command response carried");
                }
                if (!processors.awaitProcessed(Long.parseLong(header.strip()), wait)) {
                    response.setHeader("Retry-After", "1");
                    throw new CapledgerException(ErrorCode.PROJECTION_LAGGING,
                            "The read models have not reached position " + header.strip() + " yet; retry shortly");
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }
}
