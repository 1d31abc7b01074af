package org.capledger.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.capledger.api.ErrorCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code capledger.max-request-body} (default 1 MiB) with 413 (RFC 9110 section
 * 15.5.14): at once when {@code Content-Length} says so, and while reading for bodies of unknown length. Uploads have
 * limits of their own by path ({@code POST /api/ocf/imports}: {@code capledger.ocf.import.max-size}).
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    /** Thrown while reading a body that grows past the limit; mapped to 413. */
    public static class TooLarge extends IOException {
        TooLarge() {
            super("request body too large", null);
        }
    }

    private final long max;
    private final Map<String, Long> byPath;
    private final ProblemWriter problems;

    public RequestBodyLimit(long max, ProblemWriter problems) {
        this(max, Map.of(), problems);
    }

    /** @param byPath limits for request paths (exact) that take larger bodies, such as uploads */
    public RequestBodyLimit(long max, Map<String, Long> byPath, ProblemWriter problems) {
        this.max = max;
        this.byPath = Map.copyOf(byPath);
        this.problems = problems;
    }

    /** Writes a problem response outside Spring MVC. */
    public interface ProblemWriter {
        void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
                throws IOException;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = byPath.getOrDefault(request.getRequestURI(), this.max);
        if (request.getContentLengthLong() > max) {
            problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE,
                    "Request bodies may have at most " + max + " bytes");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(super.getInputStream(), max);
                }
                return limited;
            }
        }, response);
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Limited(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
