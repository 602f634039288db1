package io.keepline.payments.pages;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /status/{token}}: the holder's {@link StatusPage}, with a banner after a
 * checkout or a card setup that sent them back here.
 */
@Controller
class StatusController {

	private final StatusPage page;

	StatusController(StatusPage page) {
		this.page = page;
	}

	@GetMapping("/status/{token}")
	ModelAndView status(@PathVariable String token, @RequestParam(required = false) String checkout,
			@RequestParam(required = false) String setup, HttpServletRequest request) {
		return this.page.withLine(token, request,
				(line, history) -> this.page.render(token, line, history, banner(checkout, setup)));
	}

	private static String banner(String checkout, String setup) {
		if ("success".equals(setup)) {
			return "status.setup.success";
		}
		if ("success".equals(checkout) || "cancelled".equals(checkout)) {
			return "status.checkout." + checkout;
		}
		return null;
	}

}
