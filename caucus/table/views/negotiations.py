"""The list of negotiations, each one's dashboard, an article's history, and search."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from caucus.accounts.decorators import StaffRequest, staff_required
from caucus.table import queries
from caucus.table.access import (
    access_article,
    access_negotiation,
    can_view_internal,
    visible_negotiations,
)
from caucus.table.forms import SearchForm
from caucus.table.search import search as run_search
from caucus.table.views import render_table


@staff_required("table.view")
def home(request: StaffRequest) -> HttpResponse:
    negotiations = list(visible_negotiations(request.user))
    if len(negotiations) == 1:
        return redirect("table:dashboard", negotiations[0].slug)
    return render(request, "table/home.html", {"negotiations": negotiations})


@staff_required("table.view")
def dashboard(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    board = queries.dashboard(request.user, negotiation, timezone.localdate())
    return render_table(
        request,
        "table/dashboard.html",
        {
            "negotiation": negotiation,
            "board": board,
            "internal": can_view_internal(request.user, negotiation),
        },
    )


@staff_required("table.view")
def article(request: StaffRequest, slug: str, pk: int) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    the_article = access_article(negotiation, pk=pk)
    history = queries.article_history(request.user, negotiation, the_article.pk)
    ta = the_article.tentative_agreements.select_related("proposal").first()
    return render_table(
        request,
        "table/article.html",
        {"negotiation": negotiation, "article": the_article, "history": history, "ta": ta},
    )


@staff_required("table.view")
def search(request: StaffRequest, slug: str) -> HttpResponse:
    negotiation = access_negotiation(request.user, slug)
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = run_search(request.user, negotiation, query)
    return render_table(
        request,
        "table/search.html",
        {"negotiation": negotiation, "form": form, "query": query, "results": results},
    )
