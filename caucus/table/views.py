from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from caucus.accounts.decorators import staff_required
from caucus.table.models import Negotiation


@staff_required()
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "table/home.html", {"negotiations": Negotiation.objects.all()})
